package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset pagination over a legacy table: each page is {@code WHERE (key) > (last key read) ORDER BY key LIMIT n}, so
 * no OFFSET scan and never more than one page in memory. The last key is kept as PostgreSQL prints it and cast back
 * to the key's type, so it survives a restart exactly (timestamptz keys keep their microseconds and offset).
 */
public final class SourcePager implements AutoCloseable {

    private final TableMigration table;
    private final int pageSize;
    private final DecimalAudit audit;
    private final PreparedStatement first;
    private final PreparedStatement next;

    public SourcePager(Connection connection, TableMigration table, int pageSize, DecimalAudit audit) {
        this.table = table;
        this.pageSize = pageSize;
        this.audit = audit;
        try {
            this.first = connection.prepareStatement(table.pageSql(true));
            this.next = connection.prepareStatement(table.pageSql(false));
        } catch (SQLException e) {
            throw new LegacySourceException("cannot read legacy table " + table.source().name() + ": " + e.getMessage(), e);
        }
    }

    /** The rows after {@code after} (from the start when null); empty at the end of the table. */
    public List<MigrationRow> page(String[] after) {
        try {
            PreparedStatement ps = after == null ? first : next;
            int p = 1;
            if (after != null) {
                for (String k : after) {
                    ps.setString(p++, k);
                }
            }
            ps.setInt(p, pageSize);
            List<MigrationRow> rows = new ArrayList<>(pageSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(table.read(rs, audit));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new LegacySourceException("reading legacy table " + table.source().name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            first.close();
            next.close();
        } catch (SQLException ignored) {
            // the connection is closed by its owner
        }
    }
}
