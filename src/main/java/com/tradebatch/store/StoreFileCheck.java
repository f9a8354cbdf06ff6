package com.tradebatch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Checks on a store's file that fail at once with the store and the path named, where the pool or a framework
 * bean would fail later with a retry timeout or a chain of wrapped exceptions.
 */
final class StoreFileCheck {

    private static final int PROBE_BUSY_TIMEOUT_MS = 5_000;

    private StoreFileCheck() {
    }

    /** Creates the missing folders of the store's file; a file where a folder should be is named. */
    static void createFolder(StoreLocation location) {
        Path folder = location.file().getParent();
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new StoreSchemaException(location.describe() + ": " + p + " is a file, not a folder");
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreSchemaException(location.describe() + ": cannot create the folder " + folder + " ("
                    + e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ")", e);
        }
    }

    /** When the store's file exists, it must open as a SQLite database (a new file is created by its first use). */
    static void requireDatabaseIfPresent(StoreLocation location) {
        Path file = location.file();
        if (Files.isDirectory(file)) {
            throw new StoreSchemaException(location.describe() + ": is a folder, not a database file");
        }
        if (Files.exists(file)) {
            // the busy timeout: another process may be creating or migrating this very file
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(PROBE_BUSY_TIMEOUT_MS);
            SQLiteDataSource direct = new SQLiteDataSource(config);
            direct.setUrl(location.jdbcUrl());
            probe(location, direct);
        }
    }

    /**
     * Opens one connection outside the pool and reads the catalogue: a file that is not a database fails here at
     * once, where the pool would keep retrying until its connection timeout.
     */
    static void probe(StoreLocation location, DataSource ds) {
        DataSource direct = ds instanceof HikariDataSource h && h.getDataSource() != null ? h.getDataSource() : ds;
        try (Connection c = direct.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        } catch (SQLException e) {
            throw new StoreSchemaException(location.describe() + ": cannot be opened as a SQLite database: "
                    + e.getMessage(), e);
        }
    }
}
