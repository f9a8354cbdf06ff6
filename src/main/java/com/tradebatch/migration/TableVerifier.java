package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.tradebatch.common.StepProgress;

/**
 * Reads a legacy table again, maps every row as the migration does, and looks its target row up by the upsert key,
 * a batch of keys at a time: counts and checksums on both sides, plus how many rows are missing or different.
 * <p>
 * The read-ahead thread reads, maps and hashes the next page of source rows while this thread looks up and hashes the
 * target rows of the current one; the lookup statement is prepared once per batch size.
 */
public final class TableVerifier {

    private final Connection legacy;
    private final DataSource target;
    private final int pageSize;
    /** Keys per target lookup (tradebatch.migration.verify-lookup-batch). */
    private final int lookupBatch;

    public TableVerifier(Connection legacy, DataSource target, int pageSize, int lookupBatch) {
        this.legacy = legacy;
        this.target = target;
        this.pageSize = pageSize;
        this.lookupBatch = lookupBatch;
    }

    /** @param progress advanced by the source rows of each page compared */
    public TableVerification verify(TableMigration table, StepProgress progress) {
        TableMapping m = table.mapping();
        DecimalAudit audit = new DecimalAudit(m.source(), false);
        int[] keyPos = table.positionsOf(m.conflictKey());
        int[] comparedPos = table.positionsOf(table.comparedColumns());
        Tally tally = new Tally();
        try (PagePrefetcher pages = new PagePrefetcher(new SourcePager(legacy, table, pageSize, audit), table, null,
                row -> row.valueHash(RowChecksum.hash(row.mapped(), comparedPos)));
                Connection c = target.getConnection();
                Lookup lookup = new Lookup(c, table, comparedPos.length)) {
            List<MigrationRow> page;
            while (!(page = pages.next()).isEmpty()) {
                for (int from = 0; from < page.size(); from += lookupBatch) {
                    compare(lookup, table, page.subList(from, Math.min(page.size(), from + lookupBatch)), keyPos,
                            comparedPos, tally);
                }
                progress.advance(page.size());
            }
            long targetTableRows;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + SqlNames.quote(m.target()));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                targetTableRows = rs.getLong(1);
            }
            return new TableVerification(m.source(), m.store().key(), m.target(), tally.sourceRows, tally.targetRows,
                    RowChecksum.hex(tally.sourceSum), RowChecksum.hex(tally.targetSum), tally.missing, tally.different,
                    tally.firstProblem, targetTableRows, audit.losses());
        } catch (SQLException e) {
            throw new IllegalStateException("verifying " + m.source() + " -> " + m.target() + ": " + e.getMessage(), e);
        }
    }

    private static final class Tally {
        long sourceRows;
        long targetRows;
        long sourceSum;
        long targetSum;
        long missing;
        long different;
        String firstProblem = "";
    }

    /** Target rows by key, {@code [position in batch, compared...]}, with one prepared statement per batch size. */
    private static final class Lookup implements AutoCloseable {
        private final Connection c;
        private final TableMigration table;
        private final int width;
        private final Map<Integer, PreparedStatement> statements = new HashMap<>();

        Lookup(Connection c, TableMigration table, int compared) {
            this.c = c;
            this.table = table;
            this.width = compared;
        }

        ResultSet find(List<Object[]> keys) throws SQLException {
            PreparedStatement ps = statements.get(keys.size());
            if (ps == null) {
                ps = c.prepareStatement(table.lookupSql(keys.size()));
                statements.put(keys.size(), ps);
            }
            int p = 1;
            for (Object[] key : keys) {
                for (Object v : key) {
                    ps.setObject(p++, v);
                }
            }
            return ps.executeQuery();
        }

        /** The compared values of the current target row. */
        Object[] row(ResultSet rs) throws SQLException {
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = rs.getObject(i + 2);
            }
            return row;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }

    private void compare(Lookup lookup, TableMigration table, List<MigrationRow> batch, int[] keyPos, int[] comparedPos,
            Tally tally) throws SQLException {
        int k = keyPos.length;
        List<Object[]> keys = batch.stream().map(row -> {
            Object[] key = new Object[k];
            for (int i = 0; i < k; i++) {
                key[i] = row.mapped()[keyPos[i]];
            }
            return key;
        }).toList();
        int[] targetValuePos = new int[comparedPos.length];
        for (int i = 0; i < comparedPos.length; i++) {
            targetValuePos[i] = i;
        }
        // each target row comes back with the position of its source row in the batch
        Object[][] found = new Object[batch.size()][];
        try (ResultSet rs = lookup.find(keys)) {
            while (rs.next()) {
                found[rs.getInt(1)] = lookup.row(rs);
            }
        }
        for (int r = 0; r < found.length; r++) {
            MigrationRow source = batch.get(r);
            Object[] values = source.mapped();
            tally.sourceRows++;
            tally.sourceSum += source.valueHash();
            Object[] targetRow = found[r];
            if (targetRow == null) {
                tally.missing++;
                if (tally.firstProblem.isEmpty()) {
                    tally.firstProblem = where(table, source) + " has no row in " + table.mapping().target();
                }
                continue;
            }
            long targetHash = RowChecksum.hash(targetRow, targetValuePos);
            tally.targetRows++;
            tally.targetSum += targetHash;
            if (targetHash != source.valueHash()) {
                tally.different++;
                if (tally.firstProblem.isEmpty()) {
                    tally.firstProblem = where(table, source) + " differs in " + table.mapping().target() + ": "
                            + firstDifference(table.comparedColumns(), values, comparedPos, targetRow, targetValuePos);
                }
            }
        }
    }

    private static String where(TableMigration table, MigrationRow row) {
        return table.source().name() + " " + DecimalAudit.describeKey(row.key(), table.keyNames().toArray(String[]::new));
    }

    private static String firstDifference(List<String> columns, Object[] source, int[] sourcePos, Object[] target,
            int[] targetPos) {
        for (int i = 0; i < columns.size(); i++) {
            String a = RowChecksum.canonical(source[sourcePos[i]]);
            String b = RowChecksum.canonical(target[targetPos[i]]);
            if (!a.equals(b)) {
                return columns.get(i) + " expected " + a + ", found " + b;
            }
        }
        return "values differ";
    }
}
