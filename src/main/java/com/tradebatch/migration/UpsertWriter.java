package com.tradebatch.migration;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.tradebatch.store.MultiRowInsert;

/**
 * Writes a chunk into the target table with the table's {@link TableMigration#upsert() upsert}, many rows per
 * statement ({@link MultiRowInsert}), on the connection of the step's transaction (the target store's transaction
 * manager commits it with the chunk). The statement is made at the first chunk: it depends on the legacy table,
 * which is only looked at once the step runs (a table the legacy database lacks has no chunk).
 */
public class UpsertWriter implements ItemWriter<Object[]> {

    private final String table;
    private final MigrationTables tables;
    private final JdbcTemplate target;
    private MultiRowInsert upsert;

    public UpsertWriter(String table, MigrationTables tables, DataSource target) {
        this.table = table;
        this.tables = tables;
        this.target = new JdbcTemplate(target);
    }

    @Override
    public void write(Chunk<? extends Object[]> chunk) throws Exception {
        if (upsert == null) {
            upsert = tables.get(table).orElseThrow().upsert();
        }
        target.execute((ConnectionCallback<Void>) con -> {
            upsert.write(con, chunk.getItems(), UpsertWriter::bind);
            return null;
        });
    }

    /** The values are in the statement's column order ({@link TableMigration#targetColumns()}). */
    private static void bind(Object[] values, PreparedStatement ps, int offset) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(offset + i + 1, values[i]);
        }
    }
}
