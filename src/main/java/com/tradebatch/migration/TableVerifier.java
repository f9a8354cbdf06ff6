package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.tradebatch.common.ProgressReporter;

/**
 * Reads a legacy table again, maps every row as the migration does, and looks its target row up by the upsert key,
 * a batch of keys at a time: counts and checksums on both sides, plus how many rows are missing or different.
 */
public final class TableVerifier {

    private static final int LOOKUP_BATCH = 250;

    private final Connection legacy;
    private final DataSource target;
    private final int pageSize;

    public TableVerifier(Connection legacy, DataSource target, int pageSize) {
        this.legacy = legacy;
        this.target = target;
        this.pageSize = pageSize;
    }

    public TableVerification verify(TableMigration table) {
        TableMapping m = table.mapping();
        DecimalAudit audit = new DecimalAudit(m.source(), false);
        int[] keyPos = table.positionsOf(m.conflictKey());
        int[] comparedPos = table.positionsOf(table.comparedColumns());
        long total = new LegacyCatalog(legacy).count(m.source());
        ProgressReporter progress = new ProgressReporter("verify " + m.source(), null, () -> total, "rows",
                ProgressReporter.DEFAULT_INTERVAL);
        Tally tally = new Tally();
        try (PagePrefetcher pages = new PagePrefetcher(new SourcePager(legacy, table, pageSize, audit), table, null);
                Connection c = target.getConnection()) {
            List<MigrationRow> page;
            while (!(page = pages.next()).isEmpty()) {
                for (int from = 0; from < page.size(); from += LOOKUP_BATCH) {
                    List<MigrationRow> batch = page.subList(from, Math.min(page.size(), from + LOOKUP_BATCH));
                    compare(c, table, batch, keyPos, comparedPos, tally);
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

    private void compare(Connection c, TableMigration table, List<MigrationRow> batch, int[] keyPos, int[] comparedPos,
            Tally tally) throws SQLException {
        List<Object[]> mapped = new ArrayList<>(batch.size());
        for (MigrationRow row : batch) {
            mapped.add(row.mapped() != null ? row.mapped() : table.map(row));
        }
        // target rows by key; their values come back as [key..., compared...]
        Map<String, Object[]> found = new HashMap<>();
        int k = keyPos.length;
        int[] targetKeyPos = new int[k];
        for (int i = 0; i < k; i++) {
            targetKeyPos[i] = i;
        }
        int[] targetValuePos = new int[comparedPos.length];
        for (int i = 0; i < comparedPos.length; i++) {
            targetValuePos[i] = k + i;
        }
        try (PreparedStatement ps = c.prepareStatement(table.lookupSql(mapped.size()))) {
            int p = 1;
            for (Object[] values : mapped) {
                for (int kp : keyPos) {
                    ps.setObject(p++, values[kp]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = k + comparedPos.length;
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    found.put(RowChecksum.key(row, targetKeyPos), row);
                }
            }
        }
        for (int r = 0; r < mapped.size(); r++) {
            Object[] values = mapped.get(r);
            long sourceHash = RowChecksum.hash(values, comparedPos);
            tally.sourceRows++;
            tally.sourceSum += sourceHash;
            Object[] targetRow = found.get(RowChecksum.key(values, keyPos));
            String where = table.source().name() + " " + DecimalAudit.describeKey(batch.get(r).key(),
                    table.keyNames().toArray(String[]::new));
            if (targetRow == null) {
                tally.missing++;
                if (tally.firstProblem.isEmpty()) {
                    tally.firstProblem = where + " has no row in " + table.mapping().target();
                }
                continue;
            }
            long targetHash = RowChecksum.hash(targetRow, targetValuePos);
            tally.targetRows++;
            tally.targetSum += targetHash;
            if (targetHash != sourceHash) {
                tally.different++;
                if (tally.firstProblem.isEmpty()) {
                    tally.firstProblem = where + " differs in " + table.mapping().target() + ": "
                            + firstDifference(table.comparedColumns(), values, comparedPos, targetRow, targetValuePos);
                }
            }
        }
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
