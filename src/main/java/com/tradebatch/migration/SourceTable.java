package com.tradebatch.migration;

import java.util.List;
import java.util.Optional;

/**
 * A table of the legacy database: its columns in order and its primary key (what keyset pagination orders by).
 *
 * @param primaryKey empty when the table has none
 */
public record SourceTable(String name, List<SourceColumn> columns, List<String> primaryKey) {

    public SourceTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public Optional<SourceColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public boolean has(String columnName) {
        return column(columnName).isPresent();
    }
}
