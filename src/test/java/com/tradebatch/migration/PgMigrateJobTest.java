package com.tradebatch.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.LegacyPostgres;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** pg-migrate against a real PostgreSQL holding the legacy schema (see src/test/resources/legacy-pg). */
class PgMigrateJobTest {

    private static final long MARKET_DATA_ROWS = 100_001;
    private static LegacyPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        pg = LegacyPostgres.get();
    }

    private TestEnvironment env(String database) {
        return new TestEnvironment(dir).set("LEGACY_DATABASE_URL", pg.url(database))
                .set("tradebatch.migration.chunk-size", "2000");
    }

    private Path trading() {
        return dir.resolve("data/trading.db");
    }

    private Path market() {
        return dir.resolve("data/market_data.db");
    }

    private Path analytics() {
        return dir.resolve("data/analytics.db");
    }

    private static String one(Path db, String sql) {
        return Sqlite.strings(db, sql).get(0);
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws IOException {
        TestEnvironment env = env(pg.newDatabase());
        Result r = env.run("run", "pg-migrate", "dry-run=true");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("pg-migrate plan from postgresql://legacy_reader@", "(dry run: nothing written)")
                .containsPattern("market_data\\s+100,001\\s+->\\s+market\\s+candlesticks")
                .containsPattern("pattern_detections\\s+300\\s+->\\s+analytics\\s+pattern_cache")
                .containsPattern("ai_predictions\\s+300\\s+->\\s+analytics\\s+ml_model_results")
                .containsPattern("positions\\s+501\\s+->\\s+trading\\s+positions")
                .containsPattern("trading_audit\\s+120 rows")
                .containsPattern("user_sessions\\s+2 rows\\s+session tokens")
                .doesNotContain(LegacyPostgres.PASSWORD);
        for (Path db : List.of(trading(), market(), analytics())) {
            for (String table : Sqlite.names(db, "table")) {
                if (!table.equals("flyway_schema_history")) {
                    assertThat(Sqlite.count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                }
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("migration-report"));
        }
    }

    @Test
    void migratesEveryTableVerifiesAndReRunsWithoutDuplicates() throws IOException {
        String database = pg.newDatabase();
        TestEnvironment env = env(database);

        Result r = env.run("run", "pg-migrate");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("pg-migrate: execution 1 COMPLETED", "verification of postgresql://legacy_reader@",
                "every table matches")
                .containsPattern("market_data\\s+100,001\\s+->\\s+market.candlesticks\\s+100,001")
                .containsPattern("market_data.volume\\s+1 values, largest error 0\\.0000000634625244140625 ")
                .containsPattern("trading_audit\\s+120 rows");
        assertCounts();
        assertValues();
        assertThat(Sqlite.strings(trading(), "PRAGMA foreign_key_check")).isEmpty();
        assertThat(Sqlite.count(trading(), "SELECT count(*) FROM orders o LEFT JOIN positions p ON p.id = o.position_id"
                + " WHERE o.position_id IS NOT NULL AND p.id IS NULL")).isZero();

        JsonNode report = JsonMapper.builder().build().readTree(dir.resolve("data/migration-report-1.json").toFile());
        assertThat(report.get("result").asString()).isEqualTo("match");
        assertThat(report.get("tables")).hasSize(12);
        JsonNode md = report.get("tables").valueStream().filter(t -> t.get("source_table").asString().equals("market_data"))
                .findFirst().orElseThrow();
        assertThat(md.get("source_rows").asLong()).isEqualTo(MARKET_DATA_ROWS);
        assertThat(md.get("target_rows").asLong()).isEqualTo(MARKET_DATA_ROWS);
        assertThat(md.get("source_checksum").asString()).isEqualTo(md.get("target_checksum").asString());
        assertThat(md.get("inexact_decimals").get("volume").get("values").asLong()).isEqualTo(1);
        assertThat(report.get("not_migrated").get("trading_audit").get("rows").asLong()).isEqualTo(120);
        assertThat(report.get("not_migrated").get("user_sessions").get("rows").asLong()).isEqualTo(2);

        // the same command again: a new run, every row updated in place, nothing added
        Result again = env.run("run", "pg-migrate");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("execution 2 COMPLETED", "every table matches");
        assertCounts();

        assertNoSecretAnywhere(r, again);
    }

    /** A row in the middle of market_data (in key order) whose timeframe is no interval: the step fails there. */
    private static final String MIDDLE =
            "symbol = 'ETHUSDT' AND \"timestamp\" = TIMESTAMPTZ '2023-01-01 00:00:00+00' + 12500 * INTERVAL '1 minute'";
    private static final String FIX_THE_MIDDLE = "UPDATE market_data SET timeframe = '1m' WHERE timeframe = 'bogus' AND " + MIDDLE;

    private String databaseFailingInTheMiddle() {
        String database = pg.newDatabase();
        pg.exec(database, "UPDATE market_data SET timeframe = 'bogus' WHERE timeframe = '1m' AND " + MIDDLE);
        return database;
    }

    @Test
    void failureInTheMiddleOfATableResumesThereWithoutDuplicates() {
        String database = databaseFailingInTheMiddle();
        TestEnvironment env = env(database);
        String[] command = {"run", "pg-migrate", "tables=market_data"};

        Result failed = env.run(command);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED", "market_data (timestamp=", "timeframe 'bogus' is not an interval",
                "restart with: tradebatch restart 1");
        long written = Sqlite.count(market(), "SELECT count(*) FROM candlesticks");
        assertThat(written).isBetween(20_000L, 30_000L);

        pg.exec(database, FIX_THE_MIDDLE);
        Result resumed = env.run(command);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("execution 2 COMPLETED", "every table matches");
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isEqualTo(MARKET_DATA_ROWS);
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM (SELECT DISTINCT symbol, interval, open_time FROM candlesticks)"))
                .isEqualTo(MARKET_DATA_ROWS);
        Path batch = dir.resolve("data/batch.db");
        assertThat(Sqlite.count(batch, "SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        // the second execution continued after the last committed chunk: it read only the rest of the table
        long readAgain = Sqlite.count(batch, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION"
                + " WHERE JOB_EXECUTION_ID = 2 AND STEP_NAME = 'pg-migrate.market_data'");
        assertThat(readAgain).isEqualTo(MARKET_DATA_ROWS - written);
        // steps that had completed did not run again
        assertThat(Sqlite.count(batch, "SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = 2"
                + " AND STEP_NAME IN ('pg-migrate.plan', 'pg-migrate.positions')")).isZero();
    }

    @Test
    void aLegacyRowChangedAfterItWasReadFailsTheVerificationNamingTheTable() {
        String database = databaseFailingInTheMiddle();
        TestEnvironment env = env(database);
        String[] command = {"run", "pg-migrate", "tables=market_data"};
        assertThat(env.run(command).exitCode()).isEqualTo(1);

        // while the run stands, the legacy database changes a candle it has already migrated (minute 10, early in key
        // order): the verification must not take the target's older copy for the source
        pg.exec(database, "UPDATE market_data SET open = 123.25 WHERE symbol = 'ETHUSDT' AND timeframe = '1m'"
                + " AND \"timestamp\" = TIMESTAMPTZ '2023-01-01 00:10:00+00'",
                FIX_THE_MIDDLE);
        Result resumed = env.run(command);

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
        assertThat(resumed.out()).contains("verification failed: 1 table(s) differ", "market_data")
                .containsPattern("market_data\\s+100,001\\s+->\\s+market.candlesticks\\s+100,001 .*MISMATCH \\(0 missing, 1 different\\)")
                .contains("symbol=ETHUSDT, timeframe=1m) differs in candlesticks: open_price expected 123.25, found 100.0000001");
    }

    @Test
    void strictDecimalsFailsOnTheFirstValueARealCannotHold() {
        TestEnvironment env = env(pg.newDatabase());
        Result r = env.run("run", "pg-migrate", "tables=market_data", "strict-decimals=true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED", "market_data (timestamp=", "symbol=BTCUSDT, timeframe=1h)",
                "column volume value 1234567890.12345678 cannot be held by a REAL", "strict-decimals=true");
    }

    @Test
    void aTargetThatDiffersFromTheSourceFailsTheVerification() throws IOException {
        TestEnvironment env = env(pg.newDatabase());
        assertThat(env.run("run", "db-stats").exitCode()).isZero(); // creates the stores
        // a trigger standing in for a lossy write: one position does not arrive as it left
        Sqlite.exec(trading(), "CREATE TRIGGER tamper AFTER INSERT ON positions WHEN NEW.id = 'P-00007'"
                + " BEGIN UPDATE positions SET quantity = -1 WHERE id = NEW.id; END");

        Result r = env.run("run", "pg-migrate", "tables=positions,orders");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("verification failed: 1 table(s) differ", "1 table(s) DIFFER")
                .containsPattern("positions\\s+501\\s+->\\s+trading.positions\\s+501 .*MISMATCH \\(0 missing, 1 different\\)")
                .contains("positions (id=P-00007) differs in positions: quantity expected 0.07, found -1")
                .containsPattern("orders\\s+1,001\\s+->\\s+trading.orders\\s+1,001 .* ok");
        JsonNode report = JsonMapper.builder().build().readTree(dir.resolve("data/migration-report-2.json").toFile());
        assertThat(report.get("result").asString()).isEqualTo("mismatch");
    }

    private void assertCounts() {
        assertThat(Sqlite.count(trading(), "SELECT count(*) FROM positions")).isEqualTo(501);
        assertThat(Sqlite.count(trading(), "SELECT count(*) FROM orders")).isEqualTo(1001);
        assertThat(Sqlite.count(trading(), "SELECT count(*) FROM portfolio_snapshots")).isEqualTo(200);
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isEqualTo(MARKET_DATA_ROWS + 100);
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlestick_metadata")).isEqualTo(2);
        assertThat(Sqlite.count(analytics(), "SELECT count(*) FROM pattern_cache")).isEqualTo(350);
        assertThat(Sqlite.count(analytics(), "SELECT count(*) FROM ml_model_results")).isEqualTo(350);
        assertThat(Sqlite.count(analytics(), "SELECT count(*) FROM trade_execution_log")).isEqualTo(50);
        assertThat(Sqlite.count(analytics(), "SELECT count(*) FROM analytics_metrics")).isEqualTo(50);
    }

    private void assertValues() {
        // timestamptz written in Kolkata time (UTC+05:30) -> UTC text; enum -> label; numeric(18,8) -> REAL; unicode kept
        assertThat(Sqlite.strings(trading(), "SELECT side || '|' || status || '|' || opened_at || '|' || entry_price || '|'"
                + " || typeof(entry_price) || '|' || notes FROM positions WHERE id = 'P-special'"))
                .containsExactly("SELL|OPEN|2024-03-10 02:45:30.123456|42000.12345678|real|"
                        + "Ünïcødé «quotes» \"double\" 'single' \\ backslash 🚀 漢字");
        assertThat(one(trading(), "SELECT closed_at IS NULL AND realized_pnl IS NULL FROM positions WHERE id = 'P-special'"))
                .isEqualTo("1");
        // timestamp without time zone read as UTC; microseconds kept
        assertThat(one(trading(), "SELECT order_type || '|' || status || '|' || created_at || '|' || executed_at"
                + " FROM orders WHERE id = 'O-special'"))
                .isEqualTo("STOP_LIMIT|FILLED|2024-03-10 08:15:31.500000|2024-03-10 08:15:32.000001");
        assertThat(one(trading(), "SELECT count(*) FROM orders WHERE price IS NULL")).isEqualTo("200");

        // market_data -> candlesticks: close_time from the interval, timeframe -> interval
        assertThat(one(market(), "SELECT interval || '|' || open_time || '|' || close_time || '|' || open_price || '|' || volume"
                + " FROM candlesticks WHERE symbol = 'XRPUSDT'"))
                .isEqualTo("4h|2022-06-01 00:00:00.000000|2022-06-01 03:59:59.999000|0.5|12.5");
        assertThat(one(market(), "SELECT close_time FROM candlesticks WHERE symbol = 'BTCUSDT' AND interval = '1m'"
                + " AND open_time = '2023-01-01 00:01:00.000000'")).isEqualTo("2023-01-01 00:01:59.999000");
        assertThat(one(market(), "SELECT open_price FROM candlesticks WHERE symbol = 'ETHUSDT' AND interval = '1h'"
                + " AND open_time = '2023-01-01 01:00:00.000000'")).isEqualTo("100.00000001");
        assertThat(one(market(), "SELECT count(*) FROM candlesticks WHERE created_at NOT LIKE '____-__-__ __:__:__.______'"))
                .isEqualTo("0");
        assertThat(one(market(), "SELECT earliest_timestamp FROM candlestick_metadata WHERE symbol = 'SOLUSDT'"))
                .isEqualTo("2024-01-01 00:00:00.000000");

        // pattern_detections -> pattern_cache: confidence 0-100 -> 0-1, interval/pattern_name from metadata, JSON valid
        List<String> p1 = Sqlite.strings(analytics(), "SELECT interval || '|' || pattern_name || '|' || confidence_score"
                + " || '|' || status || '|' || actual_result || '|' || json_valid(pattern_data) || '|'"
                + " || json_extract(pattern_data, '$.neckline') || '|' || json_extract(pattern_data, '$.signal')"
                + " FROM pattern_cache WHERE pattern_type = 'head_shoulders' AND detected_at = '2024-01-01 00:01:00.000000'");
        assertThat(p1).containsExactly("15m|H&S \"inverse\"|0.0125|completed|success|1|101.5|SELL");
        assertThat(one(analytics(), "SELECT count(*) FROM pattern_cache WHERE pattern_type = 'head_shoulders' AND interval = '1h'"))
                .isEqualTo("298");
        assertThat(one(analytics(), "SELECT count(*) FROM pattern_cache WHERE json_valid(pattern_data) = 0")).isEqualTo("0");
        // text[] -> JSON array text
        assertThat(one(analytics(), "SELECT pattern_data FROM pattern_cache WHERE pattern_type = 'reversal' ORDER BY id LIMIT 1"))
                .isEqualTo("[\"a \\\"quoted\\\" leg\",\"ünï\",null]");

        // ai_predictions -> ml_model_results
        assertThat(one(analytics(), "SELECT model_version || '|' || interval || '|' || confidence || '|'"
                + " || json_extract(prediction_data, '$.accuracy_score') || '|' || json_extract(prediction_data, '$.features.rsi')"
                + " FROM ml_model_results WHERE model_name = 'xgboost' AND prediction_timestamp = '2024-01-01 00:02:00.000000'"))
                .isEqualTo("legacy|5m|0.8753|64.5|2");
        // boolean -> 0/1/NULL; json (not jsonb) text kept as written
        assertThat(Sqlite.strings(analytics(), "SELECT DISTINCT coalesce(is_correct, 'null') FROM ml_model_results"
                + " WHERE model_name = 'lstm' ORDER BY 1")).containsExactly("0", "1", "null");
        assertThat(one(analytics(), "SELECT prediction_data FROM ml_model_results WHERE model_name = 'lstm' LIMIT 1"))
                .isEqualTo("{\"window\": 24,  \"note\": \"spaces kept in json\"}");
        assertThat(one(analytics(), "SELECT json_extract(details, '$.label') FROM analytics_metrics LIMIT 1"))
                .isEqualTo("métrique \"q\"");
    }

    private void assertNoSecretAnywhere(Result... results) throws IOException {
        List<String> secrets = Stream.concat(Stream.of(LegacyPostgres.PASSWORD), Stream.of(LegacyPostgres.SESSION_TOKENS)).toList();
        List<Path> files = new java.util.ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        // the log: where the build sends it (surefire sets TRADEBATCH_LOG_FILE), else the test folder's
        Path log = System.getenv("TRADEBATCH_LOG_FILE") != null ? Path.of(System.getenv("TRADEBATCH_LOG_FILE"))
                : dir.resolve("logs/tradebatch.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("pg-migrate");
        files.add(log);
        assertThat(files).anyMatch(f -> f.toString().endsWith("batch.db")).anyMatch(f -> f.toString().endsWith("trading.db"));
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(content).as(f + " must not hold a secret").doesNotContain(secret);
            }
        }
        for (Result r : results) {
            for (String secret : secrets) {
                assertThat(r.out() + r.err()).doesNotContain(secret);
            }
        }
    }
}
