package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what the legacy database holds: the tables of its current schema, their columns, keys and row counts. */
public final class LegacyCatalog {

    private static final String TABLES = """
            SELECT c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
             ORDER BY c.relname
            """;

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typtype, t.typcategory,
                   CASE WHEN a.atttypid = 'numeric'::regtype AND a.atttypmod > 0
                        THEN (a.atttypmod - 4) & 65535 ELSE -1 END AS scale
              FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
             WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
               AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum
            """;

    private static final String PRIMARY_KEY = """
            SELECT a.attname
              FROM pg_index i
              JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass AND i.indisprimary
             ORDER BY k.ord
            """;

    private final Connection connection;

    public LegacyCatalog(Connection connection) {
        this.connection = connection;
    }

    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(TABLES)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new LegacySourceException("cannot list the legacy tables: " + e.getMessage(), e);
        }
    }

    public Optional<SourceTable> table(String name) {
        if (!tableNames().contains(name)) {
            return Optional.empty();
        }
        try {
            List<SourceColumn> columns = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new SourceColumn(rs.getString(1), rs.getString(2),
                                SourceType.of(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5)));
                    }
                }
            }
            List<String> key = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEY)) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        key.add(rs.getString(1));
                    }
                }
            }
            // hash_record_extended came with PostgreSQL 14
            boolean hashesRecords = connection.getMetaData().getDatabaseMajorVersion() >= 14;
            return Optional.of(new SourceTable(name, columns, key, hashesRecords));
        } catch (SQLException e) {
            throw new LegacySourceException("cannot read the columns of legacy table " + name + ": " + e.getMessage(), e);
        }
    }

    /** Exact row count (the plan and the verification show it; progress uses it for %/ETA). */
    public long count(String table) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqlNames.quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LegacySourceException("cannot count legacy table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Row count of every table of the schema, in name order. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : tableNames()) {
            counts.put(name, count(name));
        }
        return counts;
    }
}
