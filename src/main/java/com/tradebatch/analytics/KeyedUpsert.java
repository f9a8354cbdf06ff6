package com.tradebatch.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Insert-or-update on a natural key that has no UNIQUE index (the trading system's schema has none on these
 * keys, and tradebatch does not add one: see README, "Upsert keys"). Per item, in the chunk's transaction:
 * an UPDATE of the row with that key that only matches when a value differs, then, when nothing was updated,
 * an INSERT ... WHERE NOT EXISTS of the key. Both statements are prepared once per chunk and reused; both find
 * the key through an index the schema already has. SQLite lets one writer in at a time, so no other writer
 * can insert the same key between the two statements.
 */
public final class KeyedUpsert implements AutoCloseable {

    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private final DataSource dataSource;
    private final Connection connection;
    private final PreparedStatement update;
    private final PreparedStatement insert;

    public KeyedUpsert(DataSource dataSource, String updateSql, String insertSql) throws SQLException {
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.update = connection.prepareStatement(updateSql);
        this.insert = connection.prepareStatement(insertSql);
    }

    public Outcome upsert(List<Object> updateValues, List<Object> insertValues) throws SQLException {
        bind(update, updateValues);
        if (update.executeUpdate() > 0) {
            return Outcome.UPDATED;
        }
        bind(insert, insertValues);
        return insert.executeUpdate() > 0 ? Outcome.INSERTED : Outcome.UNCHANGED;
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            update.close();
            insert.close();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
