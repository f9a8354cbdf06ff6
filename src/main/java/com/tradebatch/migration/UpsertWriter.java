package com.tradebatch.migration;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;

/**
 * Writes a chunk into the target table with the table's {@link TableMigration#upsertSql() upsert} (or, into an empty
 * table loaded without its indexes, a plain insert: {@link TargetLoad}), batched, on the
 * connection of the step's transaction (the target store's transaction manager commits it with the chunk). The
 * {@code JdbcBatchItemWriter} is built at the first chunk: the statement depends on the legacy table, which is
 * only looked at once the step runs (a table the legacy database lacks has no chunk).
 */
public class UpsertWriter implements ItemWriter<Object[]> {

    private final String table;
    private final MigrationTables tables;
    private final DataSource target;
    private final TargetLoad load;
    private JdbcBatchItemWriter<Object[]> writer;

    /** @param load how this step loads its target (decided before its first chunk) */
    public UpsertWriter(String table, MigrationTables tables, DataSource target, TargetLoad load) {
        this.table = table;
        this.tables = tables;
        this.target = target;
        this.load = load;
    }

    @Override
    public void write(Chunk<? extends Object[]> chunk) throws Exception {
        if (writer == null) {
            TableMigration migration = tables.get(table).orElseThrow();
            writer = new JdbcBatchItemWriterBuilder<Object[]>()
                    .dataSource(target)
                    // an empty table loaded without its unique index: nothing to conflict with
                    .sql(load.mode() == TargetLoad.Mode.BULK_INSERT ? migration.insertSql() : migration.upsertSql())
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
