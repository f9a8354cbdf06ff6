package com.tradebatch.launch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.tradebatch.maintenance.SqliteFile;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.Stores;
import com.tradebatch.store.UrlRedaction;

/**
 * The database block of the trading system's {@code /api/system/info}, for the four stores: the {@code health}
 * command prints it, {@code serve} answers it on {@code /api/system/info} and reports each store to
 * {@code /actuator/health}. A store is connected when it opens, has the current schema, answers a query and passes
 * {@code PRAGMA quick_check}: a file with corrupt pages still opens and answers from its intact ones, so only
 * reading every page tells (quick_check reads them all but skips the index-against-table comparison of
 * integrity_check). URLs and messages are redacted: nothing here carries a password.
 */
@Component
public class StoreHealth {

    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";

    private final Stores stores;
    private final StoreMigrator migrator;

    public StoreHealth(Stores stores, StoreMigrator migrator) {
        this.stores = stores;
        this.migrator = migrator;
    }

    /** One store's state: {@code error} is null when connected. */
    public record StoreState(Store store, String url, String error) {
        public boolean connected() {
            return error == null;
        }
    }

    public StoreState check(Store store) {
        String url = UrlRedaction.redact(stores.location(store).url());
        try {
            migrator.migrate(store);
            List<String> problems;
            try (Connection c = stores.dataSource(store).getConnection()) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                }
                problems = SqliteFile.integrityCheck(c, true);
            }
            if (!SqliteFile.isOk(problems)) {
                throw new IllegalStateException("corrupt, quick_check found " + problems.size() + " problem(s): "
                        + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
            }
            return new StoreState(store, url, null);
        } catch (Exception e) {
            String file = stores.location(store).file().toString();
            String message = UrlRedaction.redact(String.valueOf(e.getMessage()));
            return new StoreState(store, url, message.contains(file) ? message : store.key() + " store " + file + ": " + message);
        }
    }

    /** The block {@code health} prints and {@code /api/system/info} answers. */
    public Map<String, Object> report() {
        Map<String, String> databases = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            StoreState state = check(store);
            databases.put(store.key(), state.connected() ? CONNECTED : DISCONNECTED);
            urls.put(store.key(), state.url());
            if (!state.connected()) {
                errors.put(store.key(), state.error());
            }
        }
        boolean healthy = errors.isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("type", "SQLite Multi-Database");
        body.put("databases", databases);
        body.put("urls", urls);
        if (!healthy) {
            body.put("errors", errors);
        }
        return body;
    }

    public static boolean healthy(Map<String, Object> report) {
        return "healthy".equals(report.get("status"));
    }
}
