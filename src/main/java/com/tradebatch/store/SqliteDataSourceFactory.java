package com.tradebatch.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds a pooled DataSource on one SQLite file. The PRAGMAs go into the driver's {@link SQLiteConfig}, so the
 * driver applies them to every connection it opens, not only the first.
 */
public final class SqliteDataSourceFactory {

    /** How long a thread waits for a free pooled connection (not for SQLite's lock: that is the busy timeout). */
    private static final long CONNECTION_TIMEOUT_MS = 30_000;

    private SqliteDataSourceFactory() {
    }

    public static HikariDataSource create(StoreLocation location, StoreProperties props) {
        SQLiteConfig config = baseConfig(location, props);
        config.setCacheSize(-props.getCacheSizeKib());
        return pool("store-" + location.store().key(), location, config, props.getPoolSize());
    }

    /**
     * The one connection bulk loads write through: a larger page cache, so a big chunk's dirty index pages do
     * not spill to the WAL mid-transaction, and a larger WAL before an automatic checkpoint, so pages rewritten
     * by consecutive chunks (the right edge of every index) are copied into the database once, not once per
     * commit. Readers and every other connection keep the standard settings.
     */
    public static HikariDataSource createBulk(StoreLocation location, StoreProperties props) {
        SQLiteConfig config = baseConfig(location, props);
        config.setCacheSize(-props.getBulkCacheSizeKib());
        config.setWalAutocheckpoint(props.getBulkWalAutocheckpointPages());
        HikariDataSource ds = pool("bulk-" + location.store().key(), location, config, 1);
        // hand the memory back soon after a load
        ds.setIdleTimeout(Math.max(10_000, props.getBusyTimeout().toMillis()));
        return ds;
    }

    private static SQLiteConfig baseConfig(StoreLocation location, StoreProperties props) {
        StoreFileCheck.createFolder(location);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) props.getBusyTimeout().toMillis());
        if (location.store() == Store.BATCH) {
            // Spring Batch reads then writes in one transaction (id sequences, version checks); with DEFERRED,
            // two launches at once can deadlock and fail at once with "database is locked" (Batch issue #1247).
            // IMMEDIATE takes the write lock up front, so the busy timeout applies instead.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return config;
    }

    private static HikariDataSource pool(String name, StoreLocation location, SQLiteConfig config, int size) {
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(location.jdbcUrl());

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setDataSource(sqlite);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(0);
        // connect lazily: a broken file must be reported by health, not stop the application from starting
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        return new HikariDataSource(hikari);
    }
}
