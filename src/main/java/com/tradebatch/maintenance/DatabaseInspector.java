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
        Pages pages = pages(jdbc);
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = jdbc.queryForList(TABLES, String.class);
        for (String table : tables) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"", Long.class));
        }
        return new DatabaseStatistics(store, location.file(), size(location.file()),
                size(Path.of(location.file() + "-wal")), pages.pageSize(), pages.pageCount(), pages.freePages(),
                pages.fragmentationPct(), rows);
    }

    /** A store's page figures, from SQLite's PRAGMAs (cheap: no table is read). */
    public record Pages(long pageSize, long pageCount, long freePages) {

        public double fragmentationPct() {
            return pageCount == 0 ? 0.0 : 100.0 * freePages / pageCount;
        }
    }

    public static Pages pages(JdbcTemplate jdbc) {
        return new Pages(pragma(jdbc, "page_size"), pragma(jdbc, "page_count"), pragma(jdbc, "freelist_count"));
    }

    private static long pragma(JdbcTemplate jdbc, String name) {
        Long value = jdbc.queryForObject("PRAGMA " + name, Long.class);
        return value == null ? 0 : value;
    }

    /** The file's size; 0 when it does not exist (no WAL file between connections). */
    public static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
