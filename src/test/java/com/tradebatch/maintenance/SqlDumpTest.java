package com.tradebatch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.cli.JobRunner;
import com.tradebatch.cli.JobSummary;

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
