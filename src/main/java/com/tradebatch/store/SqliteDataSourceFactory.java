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


    private SqliteDataSourceFactory() {
    }

    public static HikariDataSource create(StoreLocation location, StoreProperties props) {
        SQLiteConfig config = baseConfig(location, props);
        config.setCacheSize(-props.getCacheSizeKib());
        // Transactions on these pools often read, then write (Spring Batch's id sequences and version checks,
        // Batch issue #1247; the candle metadata recount; upserts that look a row up first). A DEFERRED
        // transaction that does so fails at once with SQLITE_BUSY, without the busy handler, when another
        // process has committed since its read began. IMMEDIATE takes the write lock at BEGIN, where the busy
        // timeout applies: it waits its turn instead. Reads that need one snapshot begin DEFERRED (ReadSnapshot), and
        // so do bulk chunks, which write first (DeferredBeginDataSource).
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return pool("store-" + location.store().key(), location, config, props.getPoolSize(), props);
    }

    private static SQLiteConfig baseConfig(StoreLocation location, StoreProperties props) {
        StoreFileCheck.createFolder(location);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) props.getBusyTimeout().toMillis());
        return config;
    }

    private static HikariDataSource pool(String name, StoreLocation location, SQLiteConfig config, int size,
            StoreProperties props) {
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(location.jdbcUrl());

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setDataSource(sqlite);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(0);
        // connect lazily: a broken file must be reported by health, not stop the application from starting
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(props.getConnectionTimeout().toMillis());
        return new HikariDataSource(hikari);
    }
}
