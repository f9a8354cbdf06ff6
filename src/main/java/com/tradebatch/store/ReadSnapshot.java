package com.tradebatch.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * A read transaction on a pooled store connection: one snapshot for several queries (a backup and its row
 * counts, a dump). The store pools begin transactions IMMEDIATE, which would take the write lock and stop every
 * writer for as long as the read lasts; this one begins DEFERRED, so in WAL mode writers carry on beside it.
 * Closing it ends the read and gives the connection back as it was.
 */
public final class ReadSnapshot implements AutoCloseable {

    private final Connection connection;
    private final SQLiteConnection sqlite;
    private final boolean autoCommit;
    private final TransactionMode mode;

    private ReadSnapshot(Connection connection) throws SQLException {
        this.connection = connection;
        this.sqlite = connection.unwrap(SQLiteConnection.class);
        this.autoCommit = connection.getAutoCommit();
        this.mode = sqlite.getConnectionConfig().getTransactionMode();
    }

    /** Opens the read transaction; the first query fixes the snapshot. */
    public static ReadSnapshot begin(Connection connection) throws SQLException {
        ReadSnapshot snapshot = new ReadSnapshot(connection);
        snapshot.sqlite.getConnectionConfig().setTransactionMode(TransactionMode.DEFERRED);
        try {
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            snapshot.sqlite.getConnectionConfig().setTransactionMode(snapshot.mode);
            throw e;
        }
        return snapshot;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback(); // nothing was written: this only ends the read
            connection.setAutoCommit(autoCommit);
        } finally {
            sqlite.getConnectionConfig().setTransactionMode(mode);
        }
    }
}
