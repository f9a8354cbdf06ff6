package com.tradebatch.migration;

import java.util.List;
import java.util.Optional;

/**
 * A table of the legacy database: its columns in order and its primary key (what keyset pagination orders by).
 *
 * @param primaryKey    empty when the table has none
 * @param hashesRecords the server hashes a row's values without printing them ({@code hash_record_extended},
 *                      PostgreSQL 14 and later): see {@link TableMigration#sourceChecksumSql()}
 */
public record SourceTable(String name, List<SourceColumn> columns, List<String> primaryKey, boolean hashesRecords) {

    public SourceTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public SourceTable(String name, List<SourceColumn> columns, List<String> primaryKey) {
        this(name, columns, primaryKey, false);
    }

    public Optional<SourceColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public boolean has(String columnName) {
        return column(columnName).isPresent();
    }
}
