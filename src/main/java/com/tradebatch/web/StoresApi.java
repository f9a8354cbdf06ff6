package com.tradebatch.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tradebatch.maintenance.DatabaseInspector;
import com.tradebatch.maintenance.DatabaseInspector.Pages;
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
                Pages pages = DatabaseInspector.pages(new JdbcTemplate(stores.dataSource(store)));
                row.put("size", file == null ? pages.pageCount() * pages.pageSize() : DatabaseInspector.size(file));
                row.put("wal", file == null ? 0 : DatabaseInspector.size(Path.of(file + "-wal")));
                row.put("pageSize", pages.pageSize());
                row.put("pages", pages.pageCount());
                row.put("freePages", pages.freePages());
                row.put("fragmentation", Math.round(10.0 * pages.fragmentationPct()) / 10.0);
                row.put("error", null);
            } catch (RuntimeException e) {
                row.put("error", UrlRedaction.redact(String.valueOf(e.getMessage())));
            }
            list.add(row);
        }
        return Map.of("stores", list);
    }
}
