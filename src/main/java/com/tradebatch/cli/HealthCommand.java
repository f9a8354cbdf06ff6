package com.tradebatch.cli;

import java.io.PrintStream;
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

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import com.tradebatch.launch.ExitCode;

/**
 * {@code health}: the database block of the trading system's {@code /api/system/info}, for the four stores.
 * A store is connected when it opens, has the current schema, answers a query and passes {@code PRAGMA
 * quick_check}: a file with corrupt pages still opens and answers from its intact ones, so only reading every page
 * tells (quick_check reads them all but skips the index-against-table comparison of integrity_check).
 */
@Component
class HealthCommand implements Command {

    static final String CONNECTED = "connected";

    private final Stores stores;
    private final StoreMigrator migrator;

    HealthCommand(Stores stores, StoreMigrator migrator) {
        this.stores = stores;
        this.migrator = migrator;
    }

    @Override
    public String name() {
        return "health";
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        Map<String, String> databases = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            urls.put(store.key(), UrlRedaction.redact(stores.location(store).url()));
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
                databases.put(store.key(), CONNECTED);
            } catch (Exception e) {
                databases.put(store.key(), "disconnected");
                String file = stores.location(store).file().toString();
                String message = UrlRedaction.redact(String.valueOf(e.getMessage()));
                errors.put(store.key(), message.contains(file) ? message : store.key() + " store " + file + ": " + message);
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
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(body));
        return healthy ? ExitCode.OK : ExitCode.FAILED;
    }
}
