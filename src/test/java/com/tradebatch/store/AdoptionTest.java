package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;

/** A database the Python system created is taken over as it is: rows kept, history baselined. */
class AdoptionTest {

    @TempDir
    Path dir;

    @Test
    void pythonCreatedTradingDatabaseIsAdoptedWithItsRows() throws Exception {
        Path trading = dir.resolve("data/trading.db");
        Files.createDirectories(trading.getParent());
        String ddl = new ClassPathResource("python-schema/trading.sql").getContentAsString(StandardCharsets.UTF_8);
        Sqlite.exec(trading, statements(ddl));
        String schemaBefore = String.join("\n", Sqlite.strings(trading, "SELECT sql FROM sqlite_master ORDER BY name"));

        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "db-stats", "databases=trading");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("positions\\s+2 rows").containsPattern("orders\\s+1 rows");
        assertThat(Sqlite.strings(trading, "SELECT id || '|' || opened_at FROM positions ORDER BY id"))
                .containsExactly("3f2a-1|2025-03-01 10:15:00.123456", "3f2a-2|2025-03-01 11:00:00.000000");
        assertThat(Sqlite.strings(trading, "SELECT type || '|' || version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("BASELINE|1", "SQL|2");
        // adopted unchanged: the Python system's own DDL still defines its tables; later versions only add indexes
        String schemaAfter = String.join("\n", Sqlite.strings(trading,
                "SELECT sql FROM sqlite_master WHERE tbl_name <> 'flyway_schema_history'"
                        + " AND name <> 'idx_positions_symbol_status' ORDER BY name"));
        assertThat(schemaAfter).isEqualTo(schemaBefore);
    }

    @Test
    void databaseMissingAColumnIsRefusedNamingTableAndColumn() throws Exception {
        Path analytics = dir.resolve("data/analytics.db");
        Files.createDirectories(analytics.getParent());
        Sqlite.exec(analytics, "CREATE TABLE pattern_cache (id INTEGER PRIMARY KEY, symbol VARCHAR NOT NULL)",
                "INSERT INTO pattern_cache (symbol) VALUES ('BTCUSDT')");

        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "db-stats");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("analytics store", analytics.toString(), "pattern_cache lacks column pattern_name",
                "table trade_execution_log is missing");
        assertThat(Sqlite.count(analytics, "SELECT count(*) FROM pattern_cache")).isEqualTo(1);
    }

    static String[] statements(String script) {
        return java.util.Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
