package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.tradebatch.store.Store;
import com.tradebatch.store.StoreLocation;
import com.tradebatch.store.Stores;

/** Reads size, page and row figures of a store from SQLite's PRAGMAs and the file system. */
@Component
public class DatabaseInspector {

    private static final String TABLES = """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            ORDER BY name
            """;

    private final Stores stores;

    public DatabaseInspector(Stores stores) {
        this.stores = stores;
    }

    public DatabaseStatistics inspect(Store store) {
        StoreLocation location = stores.location(store);
        JdbcTemplate jdbc = new JdbcTemplate(stores.dataSource(store));
        long pageSize = pragma(jdbc, "page_size");
        long pageCount = pragma(jdbc, "page_count");
        long freePages = pragma(jdbc, "freelist_count");
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = jdbc.queryForList(TABLES, String.class);
        for (String table : tables) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"", Long.class));
        }
        double fragmentation = pageCount == 0 ? 0.0 : 100.0 * freePages / pageCount;
        return new DatabaseStatistics(store, location.file(), size(location.file()),
                size(Path.of(location.file() + "-wal")), pageSize, pageCount, freePages, fragmentation, rows);
    }

    private static long pragma(JdbcTemplate jdbc, String name) {
        Long value = jdbc.queryForObject("PRAGMA " + name, Long.class);
        return value == null ? 0 : value;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
