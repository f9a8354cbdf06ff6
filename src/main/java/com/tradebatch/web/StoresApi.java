package com.tradebatch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tradebatch.store.Store;
import com.tradebatch.store.StoreLocation;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.Stores;
import com.tradebatch.store.UrlRedaction;

/**
 * {@code /api/system/stores}: size, WAL and fragmentation of each store, from three PRAGMAs and the file system.
 * No row counts (db-stats has them): the console polls this, and a count(*) of a large table is a full scan.
 */
@RestController
@ConditionalOnWebApplication
class StoresApi {

    private final Stores stores;
    private final StoreMigrator migrator;

    StoresApi(Stores stores, StoreMigrator migrator) {
        this.stores = stores;
        this.migrator = migrator;
    }

    @GetMapping(path = "/api/system/stores", produces = "application/json")
    Map<String, Object> stores() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Store store : Store.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("store", store.key());
            StoreLocation location = stores.location(store);
            Path file = location.file();
            row.put("file", file == null ? null : file.getFileName().toString()); // the name only, never a URL
            try {
                migrator.migrate(store);
                JdbcTemplate jdbc = new JdbcTemplate(stores.dataSource(store));
                long pageSize = pragma(jdbc, "page_size");
                long pages = pragma(jdbc, "page_count");
                long free = pragma(jdbc, "freelist_count");
                row.put("size", file == null ? pages * pageSize : size(file));
                row.put("wal", file == null ? 0 : size(Path.of(file + "-wal")));
                row.put("pageSize", pageSize);
                row.put("pages", pages);
                row.put("freePages", free);
                row.put("fragmentation", pages == 0 ? 0.0 : Math.round(1000.0 * free / pages) / 10.0);
                row.put("error", null);
            } catch (RuntimeException e) {
                row.put("error", UrlRedaction.redact(String.valueOf(e.getMessage())));
            }
            list.add(row);
        }
        return Map.of("stores", list);
    }

    private static long pragma(JdbcTemplate jdbc, String name) {
        Long value = jdbc.queryForObject("PRAGMA " + name, Long.class);
        return value == null ? 0 : value;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
