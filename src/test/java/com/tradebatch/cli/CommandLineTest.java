package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands as a user types them, with their output and exit codes. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpAndBadCommands() {
        TestEnvironment env = new TestEnvironment(dir);
        Result help = env.run("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run <job>", "executions", "restart <execution-id>", "health");
        assertThat(env.run().exitCode()).isEqualTo(2);
        Result unknown = env.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void runDbStatsPrintsSummaryAndReportAndExitsZero() {
        TestEnvironment env = new TestEnvironment(dir);
        Sqlite.exec(dir.resolve("seed.db"), "CREATE TABLE x (a)"); // unrelated file in the folder: ignored
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Sqlite.exec(dir.resolve("data/market_data.db"),
                "INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)"
                        + " VALUES ('BTCUSDT', '1h', '2025-01-01 00:00:00.000000', '2025-01-01 00:59:59.999000', 1, 2, 0.5, 1.5, 10)");

        Result r = env.run("run", "db-stats", "databases=market,trading");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("db-stats: execution \\d+ COMPLETED in [0-9.]+ s")
                .containsPattern("read 7 +written 0 +skipped 0 +\\([0-9,]+ rows/s\\)")
                .containsPattern("market\\s+[0-9.]+ KiB")
                .containsPattern("candlesticks\\s+1 rows")
                .doesNotContain("analytics (");
        assertThat(r.out()).doesNotContain("INFO", "Started", "HikariPool");
    }

    @Test
    void unknownJobAndBadParametersExitTwoNamingThem() {
        TestEnvironment env = new TestEnvironment(dir);
        Result unknown = env.run("run", "no-such-job");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown job 'no-such-job'", "db-stats");

        Result badValue = env.run("run", "db-stats", "databases=trading,nope");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).contains("parameter databases", "'nope'", "Parameters of db-stats", "default all");

        Result unknownParam = env.run("run", "db-stats", "datbases=trading");
        assertThat(unknownParam.exitCode()).isEqualTo(2);
        assertThat(unknownParam.err()).contains("unknown parameter 'datbases'", "databases");

        Result notKeyValue = env.run("run", "db-stats", "trading");
        assertThat(notKeyValue.exitCode()).isEqualTo(2);
        assertThat(notKeyValue.err()).contains("'trading' is not key=value");
        // nothing was launched by any of these
        assertThat(env.run("executions").out()).contains("no executions yet");
    }

    @Test
    void jobsListsParametersWithDefaults() {
        Result r = new TestEnvironment(dir).run("jobs");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("db-stats", "databases", "default all");
    }

    @Test
    void executionsListsRecentRunsNewestFirst() {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("executions").out()).contains("no executions yet");
        env.run("run", "db-stats", "databases=trading");
        env.run("run", "db-stats", "databases=batch");
        Result all = env.run("executions");
        assertThat(all.exitCode()).isZero();
        String[] lines = all.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("ID", "JOB", "STATUS", "START", "END", "READ", "WRITTEN", "SKIPPED");
        assertThat(lines[1]).containsPattern("^\\s+2\\s+db-stats\\s+COMPLETED\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(lines[2]).containsPattern("^\\s+1\\s+db-stats\\s+COMPLETED").containsPattern("\\s4\\s+0\\s+0$");
        Result limited = env.run("executions", "db-stats", "--limit", "1");
        assertThat(limited.out().strip().split("\n")).hasSize(2);
        assertThat(env.run("executions", "--limit", "zero").exitCode()).isEqualTo(2);
        assertThat(env.run("executions", "nope").exitCode()).isEqualTo(2);
    }

    @Test
    void healthReportsEveryStoreAsJson() {
        TestEnvironment env = new TestEnvironment(dir).set("ANALYTICS_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("x/a.db"));
        Result r = env.run("health");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("status").asString()).isEqualTo("healthy");
        assertThat(json.get("type").asString()).isEqualTo("SQLite Multi-Database");
        for (String db : new String[] {"trading", "market", "analytics", "batch"}) {
            assertThat(json.get("databases").get(db).asString()).isEqualTo("connected");
        }
        assertThat(json.get("urls").get("trading").asString()).isEqualTo("sqlite:///./data/trading.db");
        assertThat(json.get("urls").get("analytics").asString()).isEqualTo("jdbc:sqlite:" + dir.resolve("x/a.db"));
    }

    @Test
    void healthExitsOneWhenAStoreIsNotADatabase() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/market_data.db"), "this is not a SQLite database, just some text padding it out "
                .repeat(100));
        Result r = new TestEnvironment(dir).run("health");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("status").asString()).isEqualTo("unhealthy");
        assertThat(json.get("databases").get("market").asString()).isEqualTo("disconnected");
        assertThat(json.get("databases").get("trading").asString()).isEqualTo("connected");
        assertThat(json.get("errors").get("market").asString()).contains("market_data.db");

        Result run = new TestEnvironment(dir).run("run", "db-stats");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("market store", "market_data.db");
    }

    @Test
    void refusedUrlExitsTwoNamingTheVariable() {
        Result r = new TestEnvironment(dir).set("MARKET_DATABASE_URL", "mysql://db/market").run("health");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("MARKET_DATABASE_URL=mysql://db/market is refused");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void legacyDatabaseUrlPlacesTheTradingStore() {
        TestEnvironment env = new TestEnvironment(dir).set("DATABASE_URL", "sqlite:///./legacy/trading.db");
        assertThat(env.run("run", "db-stats", "databases=trading").exitCode()).isZero();
        assertThat(Sqlite.names(dir.resolve("legacy/trading.db"), "table")).contains("positions");
        assertThat(Files.exists(dir.resolve("data/trading.db"))).isFalse();

        TestEnvironment pg = new TestEnvironment(dir).set("DATABASE_URL", "postgresql://trader:s3cret@localhost/trading");
        Result r = pg.run("run", "db-stats", "databases=trading");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.exists(dir.resolve("data/trading.db"))).isTrue();
    }
}
