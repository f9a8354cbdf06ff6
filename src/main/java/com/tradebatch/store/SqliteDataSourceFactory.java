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

    /** How long the bulk connection (and its large page cache) stays open after a load: HikariCP's minimum. */
    private static final long BULK_IDLE_TIMEOUT_MS = 10_000;

    private SqliteDataSourceFactory() {
    }

    public static HikariDataSource create(StoreLocation location, StoreProperties props) {
        SQLiteConfig config = baseConfig(location, props);
        config.setCacheSize(-props.getCacheSizeKib());
        // Transactions on these pools often read, then write (Spring Batch's id sequences and version checks,
        // Batch issue #1247; the candle metadata recount; upserts that look a row up first). A DEFERRED
        // transaction that does so fails at once with SQLITE_BUSY, without the busy handler, when another
        // process has committed since its read began. IMMEDIATE takes the write lock at BEGIN, where the busy
        // timeout applies: it waits its turn instead. Reads that need one snapshot begin DEFERRED (ReadSnapshot).
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return pool("store-" + location.store().key(), location, config, props.getPoolSize(), props);
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
        // Left DEFERRED: a bulk chunk writes first (an upsert, no read before it), so its first statement takes
        // the write lock under the busy timeout anyway, and the lock is held only while the chunk is written,
        // not while the next one is read from its file. IMMEDIATE would hold it from one chunk to the next and
        // leave other processes (a small import, VACUUM) hardly a moment to get in.
        HikariDataSource ds = pool("bulk-" + location.store().key(), location, config, 1, props);
        // hand the memory back soon after a load
        ds.setIdleTimeout(BULK_IDLE_TIMEOUT_MS);
        return ds;
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
