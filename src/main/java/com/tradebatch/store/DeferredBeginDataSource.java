package com.tradebatch.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A store pool whose transactions begin DEFERRED, for bulk writers whose chunks write before they read (the candle
 * upsert, pg-migrate's): a chunk's first write takes the lock, under the busy timeout like a BEGIN IMMEDIATE, and
 * the lock is free while the next chunk is read, which is where other processes get their turn. The pool's other
 * users keep beginning IMMEDIATE: a connection handed out here begins DEFERRED until it is closed (given back to
 * the pool), and is set back to IMMEDIATE then.
 */
final class DeferredBeginDataSource extends DelegatingDataSource {

    DeferredBeginDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection pooled = super.getConnection();
        beginMode(pooled, TransactionMode.DEFERRED);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            beginMode(pooled, TransactionMode.IMMEDIATE);
                        } finally {
                            pooled.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void beginMode(Connection c, TransactionMode mode) throws SQLException {
        // the driver reads the mode from the connection's config at each BEGIN
        c.unwrap(SQLiteConnection.class).getConnectionConfig().setTransactionMode(mode);
    }
}
