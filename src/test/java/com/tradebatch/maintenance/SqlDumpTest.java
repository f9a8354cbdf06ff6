package com.tradebatch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.launch.JobRunner;
import com.tradebatch.launch.JobSummary;

import com.tradebatch.maintenance.SqlScriptReader.SqlStatement;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** export-sql -> import-sql round trip, the statement splitter, and hostile dumps refused with nothing written. */
class SqlDumpTest {

    @TempDir
    Path dir;

    @Test
    void exportThenImportIntoEmptyDatabasesGivesIdenticalContent() throws Exception {
        TestEnvironment source = new TestEnvironment(dir.resolve("source"));
        assertThat(source.run("run", "db-stats").exitCode()).isZero();
        Path trading = source.file("data/trading.db");
        Sqlite.exec(trading,
                "INSERT INTO positions (id, symbol, side, quantity, entry_price, status, opened_at, notes) VALUES"
                        + " ('p1', 'BTCUSDT', 'BUY', 0.1, 43250.123456789, 'OPEN', '2025-01-01 00:00:00.000001',"
                        + " 'it''s; ATTACH DATABASE ''x'' AS y; -- not a comment\n/* nor this */ second line ✓'),"
                        + " ('p2', 'ETHUSDT', 'SELL', 1e-300, 1.7976931348623157e308, NULL, '2025-01-02 00:00:00', NULL)",
                "INSERT INTO orders (id, position_id, symbol, side, order_type, quantity, price) VALUES"
                        + " ('o1', 'p1', 'BTCUSDT', 'BUY', 'LIMIT', 0.1, 0.30000000000000004)",
                "INSERT INTO portfolio_snapshots (balance, total_pnl, positions_count) VALUES (10000, -12.5, 2), (9000.25, 3, 9223372036854775807)");
        Sqlite.exec(source.file("data/market_data.db"), BackupTest.CANDLES.formatted(2_000, "BTCUSDT"));
        Sqlite.exec(source.file("data/analytics.db"), "INSERT INTO analytics_metrics (metric_type, metric_name, symbol,"
                + " period_start, period_end, value, details) VALUES ('pnl', 'daily', NULL, '2025-01-01 00:00:00', '2025-01-02 00:00:00',"
                + " 1.5, '{\"a\": [1, 2], \"b\": \"x;y\"}')");

        Result export = source.run("run", "export-sql");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).containsPattern("trading\\s+-> .*/backups/trading_\\d{8}-\\d{6}\\.sql ").contains("2,000 rows");
        Result gz = source.run("run", "export-sql", "databases=market", "compress=gzip");
        assertThat(gz.exitCode()).as(gz.toString()).isZero();
        Result some = source.run("run", "export-sql", "databases=trading", "tables=orders,positions");
        assertThat(some.exitCode()).as(some.toString()).isZero();
        Result unknown = source.run("run", "export-sql", "databases=trading", "tables=nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("no table nope in trading");

        TestEnvironment target = new TestEnvironment(dir.resolve("target"));
        try (ConfigurableApplicationContext ctx = target.context()) {
            JobRunner runner = ctx.getBean(JobRunner.class);
            for (String db : List.of("trading", "market", "analytics")) {
                Path dump = dumps(source, db + "_", db.equals("market") ? ".sql.gz" : ".sql").get(0);
                JobSummary summary = JobSummary.of(runner.run("import-sql",
                        runner.parameters("import-sql", List.of("database=" + db, "file=" + dump))));
                assertThat(summary.exitCode()).as(summary.toString()).isZero();
            }
        }
        for (String file : List.of("data/trading.db", "data/market_data.db", "data/analytics.db")) {
            Map<String, List<List<Object>>> expected = content(source.file(file));
            assertThat(content(target.file(file))).as(file).isEqualTo(expected);
            assertThat(schema(target.file(file))).isEqualTo(schema(source.file(file)));
        }
        assertThat(content(target.file("data/trading.db")).get("positions").get(0)).contains(43250.123456789);

        // the partial dump holds the two tables only
        Path partial = dumps(source, "trading_", ".sql").get(1);
        assertThat(Files.readString(partial)).contains("INSERT INTO \"orders\"", "INSERT INTO \"positions\"")
                .doesNotContain("portfolio_snapshots", "flyway_schema_history");
    }

    @Test
    void hostileDumpsAreRefusedBeforeAnythingIsWritten() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        String legit = "BEGIN TRANSACTION;\nINSERT INTO \"positions\" (\"id\",\"symbol\",\"side\",\"quantity\",\"entry_price\",\"opened_at\")"
                + " VALUES('p1','BTC','BUY',1,2,'2025-01-01 00:00:00');\n";
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("attach", legit + "ATTACH DATABASE '" + dir.resolve("evil.db") + "' AS evil;\nCOMMIT;\n");
        hostile.put("pragma", legit + "/* ; */ PRAGMA writable_schema = ON;\nCOMMIT;\n");
        hostile.put("temp trigger", legit + "CREATE TEMP TRIGGER t AFTER INSERT ON positions BEGIN INSERT INTO x VALUES (1); END;\n");
        hostile.put("trigger elsewhere", legit + "CREATE TRIGGER t AFTER INSERT ON positions BEGIN\n"
                + "  INSERT INTO evil.x SELECT CASE WHEN 1 THEN 2 END; END;\n");
        hostile.put("load_extension", legit + "INSERT INTO positions (id) VALUES (load_extension('/tmp/evil.so'));\n");
        hostile.put("insert select", legit + "INSERT INTO positions SELECT * FROM positions;\n");
        hostile.put("update", legit + "UPDATE positions SET quantity = 0;\n");
        hostile.put("qualified", legit + "INSERT INTO main.positions (id) VALUES ('x');\n");
        hostile.put("create as select", legit + "CREATE TABLE t AS SELECT readfile('/etc/passwd');\n");
        hostile.put("unterminated", legit + "INSERT INTO positions (id) VALUES ('never closed);\n");
        Path trading = dir.resolve("data/trading.db");
        int n = 0;
        try (ConfigurableApplicationContext ctx = env.context()) {
            JobRunner runner = ctx.getBean(JobRunner.class);
            for (Map.Entry<String, String> e : hostile.entrySet()) {
                Path dump = Files.writeString(dir.resolve("hostile-" + n++ + ".sql"), e.getValue());
                JobSummary summary = JobSummary.of(runner.run("import-sql",
                        runner.parameters("import-sql", List.of("database=trading", "file=" + dump))));
                assertThat(summary.exitCode()).as(e.getKey() + "\n" + summary).isEqualTo(1);
                assertThat(summary.failure()).as(e.getKey()).contains("import-sql refused", "nothing was written to trading", "line ");
                assertThat(Sqlite.count(trading, "SELECT count(*) FROM positions")).as(e.getKey()).isZero();
            }
        }
        Path attach = Files.writeString(dir.resolve("attach.sql"), hostile.get("attach"));
        Result refused = env.run("run", "import-sql", "database=trading", "file=" + attach);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("import-sql refused " + attach, "line 3: ATTACH is not allowed in a dump");
        assertThat(dir.resolve("evil.db")).doesNotExist();
        assertThat(Sqlite.names(trading, "trigger")).isEmpty();

        // the same legitimate part alone loads
        Path ok = Files.writeString(dir.resolve("ok.sql"), legit + "COMMIT;\n");
        Result r = env.run("run", "import-sql", "database=trading", "file=" + ok);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 rows inserted");
        assertThat(env.run("run", "import-sql", "database=trading").err()).contains("missing required parameter file");
    }

    /** A dump of new candles in the form export-sql writes them (without the trailer, as older exports). */
    private static String candleDump(String symbol, int from, int to) {
        StringBuilder sb = new StringBuilder("-- tradebatch export-sql of market\nBEGIN TRANSACTION;\n");
        for (int i = from; i <= to; i++) {
            sb.append("INSERT INTO \"candlesticks\" (\"symbol\",\"interval\",\"open_time\",\"close_time\",\"open_price\","
                    + "\"high_price\",\"low_price\",\"close_price\",\"volume\") VALUES('%s','1h','2025-02-01 %02d:00:00',"
                    .formatted(symbol, i) + "'2025-02-01 %02d:59:59',1,2,0.5,1.5,10);\n".formatted(i));
        }
        return sb.append("COMMIT;\n").toString();
    }

    @Test
    void destructiveTriggerIsRefusedAndLaterImportsDeleteNothing() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, BackupTest.CANDLES.formatted(100, "BTCUSDT"));
        Map<String, List<List<Object>>> before = content(market);

        String ordinary = candleDump("ETHUSDT", 0, 1);
        String withTrigger = ordinary.replace("COMMIT;\n", """
                CREATE TRIGGER IF NOT EXISTS "keep_tidy" AFTER INSERT ON "candlesticks"
                BEGIN DELETE FROM candlesticks WHERE id <> new.id; END;
                COMMIT;
                """);
        Path dump = Files.writeString(dir.resolve("trigger.sql"), withTrigger);
        Result r = env.run("run", "import-sql", "database=market", "file=" + dump);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("import-sql refused " + dump, "nothing was written to market",
                "line 5: CREATE TRIGGER is not allowed");
        assertThat(Sqlite.names(market, "trigger")).isEmpty();
        assertThat(content(market)).isEqualTo(before);

        // a later ordinary import adds its rows and deletes nothing
        Path later = Files.writeString(dir.resolve("later.sql"), candleDump("SOLUSDT", 0, 2));
        Result ok = env.run("run", "import-sql", "database=market", "file=" + later);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(103);
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE symbol = 'BTCUSDT'")).isEqualTo(100);
    }

    @Test
    void schemaObjectsTheMigrationsDoNotDefineAreRefused() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, BackupTest.CANDLES.formatted(10, "BTCUSDT"));
        Map<String, List<List<Object>>> before = content(market);
        List<String> schemaBefore = schema(market);
        String head = candleDump("ETHUSDT", 0, 0).replace("COMMIT;\n", "");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("view", "CREATE VIEW IF NOT EXISTS \"v\" AS SELECT * FROM candlesticks");
        refused.put("foreign table", "CREATE TABLE IF NOT EXISTS \"notes\" (id INTEGER PRIMARY KEY, text VARCHAR)");
        refused.put("foreign index", "CREATE INDEX IF NOT EXISTS \"idx_volume\" ON \"candlesticks\" (volume)");
        refused.put("index of another table", "CREATE INDEX IF NOT EXISTS \"idx_symbol\" ON \"candlestick_metadata\" (symbol)");
        refused.put("table of another database", "CREATE TABLE IF NOT EXISTS \"positions\" (id VARCHAR NOT NULL)");
        refused.put("virtual table", "CREATE VIRTUAL TABLE IF NOT EXISTS \"search\" USING fts5(symbol)");
        refused.put("schema history", "INSERT INTO \"flyway_schema_history\" (\"installed_rank\") VALUES(99)");
        refused.put("no if not exists", "CREATE INDEX \"idx_symbol\" ON \"candlesticks\" (symbol)");
        int n = 0;
        for (Map.Entry<String, String> e : refused.entrySet()) {
            Path dump = Files.writeString(dir.resolve("schema-" + n++ + ".sql"), head + e.getValue() + ";\nCOMMIT;\n");
            Result r = env.run("run", "import-sql", "database=market", "file=" + dump);
            assertThat(r.exitCode()).as(e.getKey() + "\n" + r).isEqualTo(1);
            assertThat(r.out()).as(e.getKey()).contains("import-sql refused " + dump, "nothing was written to market", "line 4: ")
                    .containsAnyOf("is not allowed", "is not part of the market schema", "belongs to table candlesticks");
            assertThat(content(market)).as(e.getKey()).isEqualTo(before);
            assertThat(schema(market)).as(e.getKey()).isEqualTo(schemaBefore);
        }
    }

    @Test
    void truncatedDumpsAreRefusedWithNothingWritten() throws Exception {
        TestEnvironment source = new TestEnvironment(dir.resolve("source"));
        assertThat(source.run("run", "db-stats").exitCode()).isZero();
        Sqlite.exec(source.file("data/market_data.db"), BackupTest.CANDLES.formatted(2_160, "BTCUSDT"));
        assertThat(source.run("run", "export-sql", "databases=market").exitCode()).isZero();
        assertThat(source.run("run", "export-sql", "databases=market", "compress=gzip").exitCode()).isZero();
        Path plain = dumps(source, "market_", ".sql").get(0);
        Path gzip = dumps(source, "market_", ".sql.gz").get(0);
        String text = Files.readString(plain);
        // BEGIN, 2 tables, 2,160 rows, 6 indexes (V2 added ix_candlesticks_interval), COMMIT
        assertThat(text.strip()).endsWith("COMMIT;\n-- tradebatch export end: 2170 statements");

        TestEnvironment target = new TestEnvironment(dir.resolve("target"));
        assertThat(target.run("run", "db-stats").exitCode()).isZero();
        Path market = target.file("data/market_data.db");
        Sqlite.exec(market, "INSERT INTO candlestick_metadata (symbol, interval, total_candles) VALUES ('ETHUSDT', '1m', 3)");
        Map<String, List<List<Object>>> before = content(market);

        Map<String, byte[]> cut = new LinkedHashMap<>();
        int half = text.indexOf('\n', text.length() / 2) + 1; // whole statements: each one loads on its own
        cut.put("half.sql", text.substring(0, half).getBytes(StandardCharsets.UTF_8));
        cut.put("no-commit.sql", text.substring(0, text.lastIndexOf("COMMIT;")).getBytes(StandardCharsets.UTF_8));
        cut.put("mid-statement.sql", text.substring(0, half + 40).getBytes(StandardCharsets.UTF_8));
        byte[] gz = Files.readAllBytes(gzip);
        cut.put("cut.sql.gz", Arrays.copyOf(gz, gz.length / 2));
        cut.put("no-commit.sql.gz", gzip(text.substring(0, half)));
        // a statement lost from the middle: the trailer's count no longer matches
        int third = text.indexOf('\n', text.length() / 3) + 1;
        cut.put("missing-line.sql", (text.substring(0, third) + text.substring(text.indexOf('\n', third) + 1))
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : cut.entrySet()) {
            Path dump = Files.write(dir.resolve(e.getKey()), e.getValue());
            Result r = target.run("run", "import-sql", "database=market", "file=" + dump);
            assertThat(r.exitCode()).as(e.getKey() + "\n" + r).isEqualTo(1);
            assertThat(r.out()).as(e.getKey()).contains("import-sql refused " + dump, "nothing was written to market", "line ");
            assertThat(content(market)).as(e.getKey()).isEqualTo(before);
        }

        // the whole dump loads; loading it again fails on the duplicate rows and changes nothing
        Result ok = target.run("run", "import-sql", "database=market", "file=" + gzip);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("2,160 rows inserted");
        Map<String, List<List<Object>>> loaded = content(market);
        Result again = target.run("run", "import-sql", "database=market", "file=" + plain);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(content(market)).isEqualTo(loaded);
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void statementsSplitOnlyWhereSqliteWould() throws Exception {
        String sql = """
                -- a comment; with a semicolon
                INSERT INTO "a;b" VALUES ('x;y', 'it''s', X'00ff'); /* ; */
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                  UPDATE a SET c = CASE WHEN new.c > 0 THEN 1 ELSE 0 END;
                  DELETE FROM b;
                END;
                ;
                COMMIT""";
        SqlScriptReader reader = new SqlScriptReader(new StringReader(sql));
        List<SqlStatement> statements = new ArrayList<>();
        for (SqlStatement s = reader.next(); s != null; s = reader.next()) {
            statements.add(s);
        }
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 3, 8);
        assertThat(statements.get(0).text()).isEqualTo("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s', X'00ff');");
        assertThat(statements.get(1).text()).startsWith("CREATE TRIGGER").endsWith("END;").contains("DELETE FROM b;");
        assertThat(statements.get(2).keyword()).isEqualTo("COMMIT");
    }

    private static List<Path> dumps(TestEnvironment env, String prefix, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(env.file("backups"))) {
            // oldest first: two dumps in the same second are <ts>.sql and <ts>-2.sql, and by name '-' sorts before '.'
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .sorted(java.util.Comparator.comparing(SqlDumpTest::modified)).toList();
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every row of every table (schema history aside), values with their storage class, in primary key order. */
    static Map<String, List<List<Object>>> content(Path file) throws Exception {
        Map<String, List<List<Object>>> content = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String table : Sqlite.names(file, "table")) {
                if (table.equals("flyway_schema_history")) {
                    continue;
                }
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            Object v = rs.getObject(i);
                            row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
                        }
                        rows.add(row);
                    }
                }
                content.put(table, rows);
            }
        }
        return content;
    }

    static List<String> schema(Path file) {
        return Sqlite.strings(file, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
                + " WHERE sql IS NOT NULL AND name <> 'flyway_schema_history' AND tbl_name <> 'flyway_schema_history' ORDER BY name");
    }
}
