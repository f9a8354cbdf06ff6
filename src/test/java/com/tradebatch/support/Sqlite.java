package com.tradebatch.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a SQLite file the way a user would with the sqlite3 shell: a plain connection of its own. */
public final class Sqlite {

    private Sqlite() {
    }

    public static List<String> names(Path file, String type) {
        return strings(file, "SELECT name FROM sqlite_master WHERE type = '" + type
                + "' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    public static List<String> strings(Path file, String sql) {
        List<String> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + file + ": " + e.getMessage(), e);
        }
    }

    public static long count(Path file, String sql) {
        return Long.parseLong(strings(file, sql).get(0));
    }

    /** A count on a file another process is creating: 0 while the file or its schema is not there yet. */
    public static long countOrZero(Path file, String sql) {
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        try {
            return count(file, sql);
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }

    public static void exec(Path file, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
