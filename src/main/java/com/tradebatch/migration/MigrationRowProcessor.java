package com.tradebatch.migration;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Maps a legacy row to the target's values: the mapping's derived columns, then DateTime text for every instant. */
public class MigrationRowProcessor implements ItemProcessor<MigrationRow, Object[]> {

    private final String table;
    private final MigrationTables tables;
    private TableMigration migration;

    public MigrationRowProcessor(String table, MigrationTables tables) {
        this.table = table;
        this.tables = tables;
    }

    @Override
    public Object[] process(MigrationRow row) {
        if (row.mapped() != null) {
            return row.mapped(); // mapped ahead by the reader's read-ahead thread
        }
        if (migration == null) {
            migration = tables.get(table).orElseThrow();
        }
        return migration.map(row);
    }
}
