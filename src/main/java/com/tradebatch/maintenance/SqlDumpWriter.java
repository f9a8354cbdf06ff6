package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.tradebatch.store.ReadSnapshot;

/**
 * Writes a database (or some of its tables) as SQL text, like the sqlite3 shell's {@code .dump}: one
 * transaction, each table's CREATE then its rows as INSERTs with column names, then indexes, and after the
 * COMMIT a trailer line {@code -- tradebatch export end: N statements}. Statements use {@code IF NOT EXISTS}, so
 * a dump loads into a database tradebatch has already created (empty tables of the same schema). Views and
 * triggers are not written: only what {@link ImportAllowList} accepts.
 * <p>
 * {@code flyway_schema_history} is left out unless named: it is tradebatch's record of the schema version of
 * that file, which the target database has of its own.
 */
public final class SqlDumpWriter {

    static final String SCHEMA_HISTORY = "flyway_schema_history";
    private static final String SEQUENCE = "sqlite_sequence";
    /** Starts the last line of a dump; with the statement count it tells a whole dump from one cut short. */
    static final String TRAILER = "tradebatch export end: ";
    /** Stands for infinity, as the sqlite3 shell writes it: a literal too large for a double. */
    private static final String INFINITY = "1e999";

    private static final String OBJECTS = """
            SELECT type, name, tbl_name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name
            """;

    private SqlDumpWriter() {
    }

    record SchemaObject(String type, String name, String table, String sql) {
    }

    /** The tables of the database, sorted, SQLite's own and the schema history left out. */
    public static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (SchemaObject o : objects(c)) {
            if (o.type().equals("table") && !o.name().equals(SCHEMA_HISTORY)) {
                tables.add(o.name());
            }
        }
        return tables;
    }

    /**
     * Dumps the given tables (null: all but the schema history) in one read transaction on {@code c}.
     *
     * @return rows written
     */
    public static long dump(Connection c, Set<String> only, Writer out, String header) throws SQLException, IOException {
        try (ReadSnapshot read = ReadSnapshot.begin(c)) { // one snapshot for the schema and every row
            long rows = 0;
            long statements = 2; // BEGIN and COMMIT
            List<SchemaObject> objects = objects(c);
            out.write("-- " + header + "\n");
            out.write("BEGIN TRANSACTION;\n");
            for (SchemaObject o : objects) {
                if (o.type().equals("table") && wanted(o.name(), only)) {
                    out.write(ifNotExists(o.sql(), "TABLE") + ";\n");
                    long n = rows(c, o.name(), out);
                    rows += n;
                    statements += 1 + n;
                }
            }
            if (hasSequence(c, only)) {
                out.write("DELETE FROM sqlite_sequence;\n");
                statements += 1 + rows(c, SEQUENCE, out);
            }
            for (SchemaObject o : objects) {
                // views and triggers are not the store's schema: import-sql refuses them, so they are not written
                if (o.type().equals("index") && wanted(o.table(), only)) {
                    out.write(ifNotExists(o.sql(), "INDEX") + ";\n");
                    statements++;
                }
            }
            out.write("COMMIT;\n");
            out.write("-- " + TRAILER + statements + " statements\n");
            return rows;
        }
    }

    private static boolean wanted(String table, Set<String> only) {
        return only == null ? !table.equals(SCHEMA_HISTORY) : only.contains(table);
    }

    private static boolean hasSequence(Connection c, Set<String> only) throws SQLException {
        return only == null && !SqliteFile.strings(c, "SELECT name FROM sqlite_master WHERE name = '" + SEQUENCE + "'").isEmpty();
    }

    static List<SchemaObject> objects(Connection c) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(OBJECTS)) {
            while (rs.next()) {
                objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return objects;
    }

    /** {@code CREATE [UNIQUE] INDEX x} -> {@code CREATE [UNIQUE] INDEX IF NOT EXISTS x} (SQLite stores it without). */
    static String ifNotExists(String sql, String type) {
        String head = "CREATE " + type + " ";
        String unique = "CREATE UNIQUE " + type + " ";
        if (sql.regionMatches(true, 0, head, 0, head.length())) {
            return head + "IF NOT EXISTS " + sql.substring(head.length());
        }
        if (sql.regionMatches(true, 0, unique, 0, unique.length())) {
            return unique + "IF NOT EXISTS " + sql.substring(unique.length());
        }
        return sql;
    }

    private static long rows(Connection c, String table, Writer out) throws SQLException, IOException {
        long n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + SqliteFile.quote(table))) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            StringBuilder prefix = new StringBuilder("INSERT INTO ").append(SqliteFile.quote(table)).append(" (");
            for (int i = 1; i <= columns; i++) {
                prefix.append(i > 1 ? "," : "").append(SqliteFile.quote(meta.getColumnName(i)));
            }
            prefix.append(") VALUES(");
            StringBuilder line = new StringBuilder();
            while (rs.next()) {
                line.setLength(0);
                line.append(prefix);
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? "," : "");
                    literal(rs.getObject(i), line);
                }
                line.append(");\n");
                out.write(line.toString());
                n++;
            }
        }
        return n;
    }

    /** A value as an SQL literal that reads back as the same value and storage class. */
    static void literal(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("NULL");
        } else if (value instanceof Double d) {
            if (d.isNaN()) {
                sb.append("NULL"); // SQLite stores NaN as NULL
            } else if (d.isInfinite()) {
                sb.append(d > 0 ? INFINITY : "-" + INFINITY);
            } else {
                sb.append(d.toString());
            }
        } else if (value instanceof Float f) {
            literal(f.doubleValue(), sb);
        } else if (value instanceof Number number) {
            sb.append(number.longValue());
        } else if (value instanceof byte[] bytes) {
            sb.append("X'").append(HexFormat.of().formatHex(bytes)).append('\'');
        } else {
            sb.append('\'').append(value.toString().replace("'", "''")).append('\'');
        }
    }
}
