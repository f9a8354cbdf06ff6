package com.tradebatch.maintenance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite statements on a database file or connection that maintenance needs: integrity checks, row counts,
 * journal mode. A copy (backup, staged restore) is opened with a plain connection of its own, outside the pools.
 */
public final class SqliteFile {

    static final String OK = "ok";

    private static final String TABLES = """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            ORDER BY name
            """;

    private SqliteFile() {
    }

    /** A plain connection to a file (no pool, no PRAGMAs of the stores). */
    public static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** {@code PRAGMA integrity_check} or {@code quick_check}: a single "ok", or the problems SQLite found. */
    public static List<String> integrityCheck(Connection c, boolean quick) throws SQLException {
        return strings(c, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    }

    public static boolean isOk(List<String> check) {
        return check.size() == 1 && OK.equalsIgnoreCase(check.get(0));
    }

    /** Rows per table (SQLite's own tables excluded), by name. */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : strings(c, TABLES)) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table))) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** Rollback-journal mode: the file holds everything, no -wal beside it (for copies kept or moved). */
    public static void makeStandalone(Connection c) throws SQLException {
        String mode = strings(c, "PRAGMA journal_mode=DELETE").get(0);
        if (!"delete".equalsIgnoreCase(mode)) {
            throw new SQLException("could not leave WAL mode (journal_mode is " + mode + "): another connection has the file open");
        }
    }

    public static long pragma(Connection c, String name) throws SQLException {
        return Long.parseLong(strings(c, "PRAGMA " + name).get(0));
    }

    public static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    /** An SQL identifier in double quotes. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
