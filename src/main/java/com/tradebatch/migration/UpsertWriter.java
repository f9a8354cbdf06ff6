package com.tradebatch.migration;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;

/**
 * Writes a chunk into the target table with the table's {@link TableMigration#upsertSql() upsert}, batched, on the
 * connection of the step's transaction (the target store's transaction manager commits it with the chunk). The
 * {@code JdbcBatchItemWriter} is built at the first chunk: the statement depends on the legacy table, which is
 * only looked at once the step runs (a table the legacy database lacks has no chunk).
 */
public class UpsertWriter implements ItemWriter<Object[]> {

    private final String table;
    private final MigrationTables tables;
    private final DataSource target;
    private JdbcBatchItemWriter<Object[]> writer;

    public UpsertWriter(String table, MigrationTables tables, DataSource target) {
        this.table = table;
        this.tables = tables;
        this.target = target;
    }

    @Override
    public void write(Chunk<? extends Object[]> chunk) throws Exception {
        if (writer == null) {
            TableMigration migration = tables.get(table).orElseThrow();
            writer = new JdbcBatchItemWriterBuilder<Object[]>()
                    .dataSource(target)
                    .sql(migration.upsertSql())
                    .itemPreparedStatementSetter(UpsertWriter::bind)
                    .assertUpdates(false) // a row already equal is not rewritten: 0 rows
                    .build();
        }
        writer.write(chunk);
    }

    /** The values are in the statement's column order ({@link TableMigration#upsertSql()}). */
    private static void bind(Object[] values, PreparedStatement ps) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
