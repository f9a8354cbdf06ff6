package com.tradebatch.maintenance;

import java.nio.file.Path;
import java.util.Map;

import com.tradebatch.store.Store;

/**
 * What {@code db-stats} reports for one database.
 *
 * @param fileBytes        size of the main file
 * @param walBytes         size of the write-ahead log beside it (0 when absent)
 * @param fragmentationPct free pages as a share of all pages: what VACUUM would give back
 * @param rowsPerTable     rows in each table, by name
 */
public record DatabaseStatistics(Store store, Path file, long fileBytes, long walBytes, long pageSize,
        long pageCount, long freePages, double fragmentationPct, Map<String, Long> rowsPerTable) {

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
