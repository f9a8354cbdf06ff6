package com.tradebatch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds a pooled DataSource on one SQLite file. The PRAGMAs go into the driver's {@link SQLiteConfig}, so the
 * driver applies them to every connection it opens, not only the first.
 */
public final class SqliteDataSourceFactory {

    private SqliteDataSourceFactory() {
    }

    public static HikariDataSource create(StoreLocation location, StoreProperties props) {
        createParentFolders(location);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setCacheSize(-props.getCacheSizeKib());
        config.setBusyTimeout((int) props.getBusyTimeout().toMillis());
        if (location.store() == Store.BATCH) {
            // Spring Batch reads then writes in one transaction (id sequences, version checks); with DEFERRED,
            // two launches at once can deadlock and fail at once with "database is locked" (Batch issue #1247).
            // IMMEDIATE takes the write lock up front, so the busy timeout applies instead.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(location.jdbcUrl());

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("store-" + location.store().key());
        hikari.setDataSource(sqlite);
        hikari.setMaximumPoolSize(props.getPoolSize());
        hikari.setMinimumIdle(0);
        // connect lazily: a broken file must be reported by health, not stop the application from starting
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(Math.max(props.getBusyTimeout().toMillis() * 2, 10_000));
        return new HikariDataSource(hikari);
    }

    private static void createParentFolders(StoreLocation location) {
        try {
            Files.createDirectories(location.file().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot create the folder of the " + location.store().key()
                    + " store " + location.file() + " (" + location.source() + "): " + e, e));
        }
    }
}
