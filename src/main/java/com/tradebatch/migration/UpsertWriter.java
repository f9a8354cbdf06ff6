package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk into the target table with one prepared {@code INSERT ... ON CONFLICT DO UPDATE}, batched, on the
 * connection of the step's transaction (the target store's transaction manager commits it with the chunk).
 */
public class UpsertWriter implements ItemWriter<Object[]> {

    private final String table;
    private final MigrationTables tables;
    private final DataSource target;
    private String sql;

    public UpsertWriter(String table, MigrationTables tables, DataSource target) {
        this.table = table;
        this.tables = tables;
        this.target = target;
    }

    @Override
    public void write(Chunk<? extends Object[]> chunk) throws SQLException {
        if (sql == null) {
            sql = tables.get(table).orElseThrow().upsertSql();
        }
        Connection c = DataSourceUtils.getConnection(target);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] values : chunk) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } finally {
            DataSourceUtils.releaseConnection(c, target);
        }
    }
}
