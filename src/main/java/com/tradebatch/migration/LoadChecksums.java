package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a table step that loaded an empty target saved with its position (see {@link LegacyTableReader}): the
 * rows it read, the sum of their checksums over the mapped values ({@link RowChecksum}), and the sum of PostgreSQL's
 * own hash of each row as read ({@link TableMigration#sourceChecksumSql()}).
 * <p>
 * The verification then needs no second read of the legacy rows. It proves two things independently of the path
 * that wrote the rows:
 * <ul>
 * <li>the target holds exactly the rows read: one scan of the target table (it was empty, so every row in it came
 * from this table) gives the same count and the same checksum over what SQLite returns;</li>
 * <li>the legacy table still holds what was read: one aggregate query on PostgreSQL, {@code count(*)} and the sum
 * of the row hashes over the whole table, equals what was summed while reading. A row changed, added or deleted
 * after it was read (during the run, or between a failure and the restart) changes it.</li>
 * </ul>
 * Both run at once (the query on PostgreSQL while the target is scanned). When either differs the caller compares
 * row by row, which names the row.
 */
final class LoadChecksums {

    private static final Logger log = LoggerFactory.getLogger(LoadChecksums.class);

    private final long rows;
    private final long mapped;
    private final long source;
    private final Map<String, DecimalAudit.ColumnLoss> inexact;

    private LoadChecksums(long rows, long mapped, long source, Map<String, DecimalAudit.ColumnLoss> inexact) {
        this.rows = rows;
        this.mapped = mapped;
        this.source = source;
        this.inexact = inexact;
    }

    /** The checksums of a completed load into an empty target; empty for any other step execution. */
    static Optional<LoadChecksums> of(StepExecution load) {
        if (load == null || load.getStatus() != BatchStatus.COMPLETED) {
            return Optional.empty();
        }
        ExecutionContext c = load.getExecutionContext();
        if (!c.containsKey(TargetLoad.MODE) || !TargetLoad.Mode.valueOf(c.getString(TargetLoad.MODE)).startedEmpty()
                || !c.containsKey(LegacyTableReader.MAPPED_CHECKSUM)) {
            return Optional.empty();
        }
        Map<String, DecimalAudit.ColumnLoss> inexact = new TreeMap<>();
        for (int i = 0; i < c.getInt(LegacyTableReader.INEXACT_SIZE, 0); i++) {
            DecimalAudit.decodeInto(inexact, c.getString(LegacyTableReader.INEXACT + i));
        }
        return Optional.of(new LoadChecksums(c.getLong(LegacyTableReader.ROWS, 0L),
                c.getLong(LegacyTableReader.MAPPED_CHECKSUM), c.getLong(LegacyTableReader.SOURCE_CHECKSUM), inexact));
    }

    /** The verification from the saved checksums; it matches only when both checks hold. */
    TableVerification verify(LegacySource legacy, TableMigration table, DataSource target) {
        TableMapping m = table.mapping();
        CompletableFuture<long[]> now = CompletableFuture.supplyAsync(() -> sourceNow(legacy, table));
        long targetRows = 0;
        long targetSum = 0;
        int width = table.comparedColumns().size();
        int[] all = new int[width];
        for (int i = 0; i < width; i++) {
            all[i] = i;
        }
        try (Connection c = target.getConnection(); PreparedStatement ps = c.prepareStatement(table.targetScanSql());
                ResultSet rs = ps.executeQuery()) {
            Object[] row = new Object[width];
            while (rs.next()) {
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                targetSum += RowChecksum.hash(row, all);
                targetRows++;
            }
        } catch (SQLException e) {
            now.cancel(true);
            throw new IllegalStateException("verifying " + m.source() + " -> " + m.target() + ": " + e.getMessage(), e);
        }
        long[] source;
        try {
            source = now.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        boolean sourceSame = source[0] == rows && source[1] == this.source;
        boolean targetSame = targetRows == rows && targetSum == mapped;
        if (!sourceSame) {
            log.warn("pg-migrate verification {}: the legacy table changed after it was read ({} rows now, {} read;"
                    + " checksum {}): comparing row by row", m.source(), source[0], rows, source[1] == this.source ? "same" : "differs");
        } else if (!targetSame) {
            log.warn("pg-migrate verification {}: {} holds {} rows, {} read, checksum {}: comparing row by row",
                    m.source(), m.target(), targetRows, rows, targetSum == mapped ? "same" : "differs");
        }
        boolean match = sourceSame && targetSame;
        return new TableVerification(m.source(), m.store().key(), m.target(), rows, targetRows, RowChecksum.hex(mapped),
                RowChecksum.hex(targetSum), 0, match ? 0 : 1, match ? "" : "checksums differ", targetRows, inexact);
    }

    /** {@code [count, sum of row hashes]} of the legacy table as it is now, the sum to 64 bits as Java adds longs. */
    private static long[] sourceNow(LegacySource legacy, TableMigration table) {
        try (Connection c = legacy.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(table.sourceChecksumSql())) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getBigDecimal(2).toBigInteger().longValue()};
        } catch (SQLException e) {
            throw new LegacySourceException("verifying legacy table " + table.source().name() + ": "
                    + legacy.redact(e.getMessage()), e);
        }
    }
}
