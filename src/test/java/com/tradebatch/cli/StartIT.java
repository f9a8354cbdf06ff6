package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;

/**
 * What a command pays at start (README.md, "Start time"), on the packaged jar as a process: {@code help} and
 * {@code jobs} open no database, and a store whose schema is current is not handed to Flyway again.
 */
class StartIT {

    static final List<String> STORES = List.of("trading.db", "market_data.db", "analytics.db", "batch.db");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run tradebatch(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessIT.javaBin(), "-jar", ProcessIT.jar()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        for (String v : List.of("TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL", "TRADEBATCH_LOG_FILE")) {
            pb.environment().remove(v);
        }
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("tradebatch finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Every file under the working directory but the captured output and the log. */
    List<String> filesBesidesOutputAndLog() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.equals("stdout.txt") && !p.equals("stderr.txt") && !p.startsWith("data/logs/"))
                    .sorted().toList();
        }
    }

    @Test
    void helpAndJobsOpenNoDatabase() throws Exception {
        Run help = tradebatch("help");
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).contains("usage: tradebatch <command>");

        Run jobs = tradebatch("jobs");
        assertThat(jobs.exit()).as(jobs.toString()).isZero();
        assertThat(jobs.err()).isEmpty();
        // the whole catalogue, in name order, with a default read from the configuration (backup's keep=)
        assertThat(jobs.out()).contains("analytics-metrics - ", "backup - ", "candle-import - ", "db-stats - ",
                "pg-migrate - ", "keep", "run one with: tradebatch run <job>");
        assertThat(jobs.out().indexOf("analytics-metrics - ")).isLessThan(jobs.out().indexOf("pg-migrate - "));
        // no store, no job repository, no migration lock: nothing but the log
        assertThat(filesBesidesOutputAndLog()).isEmpty();
    }

    @Test
    void aSecondStartOnCurrentStoresDoesNotRunFlyway() throws Exception {
        Run first = tradebatch("run", "db-stats");
        assertThat(first.exit()).as(first.toString()).isZero();
        Path log = dir.resolve("data/logs/tradebatch.log");
        String firstLog = Files.readString(log);
        assertThat(firstLog).contains("trading store", "migrations applied").doesNotContain("Flyway not run");
        List<Long> history = historyRows();
        List<Long> batchRows = List.of(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION"));

        Run second = tradebatch("run", "db-stats");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).startsWith("db-stats: execution 2 COMPLETED");
        String secondLog = Files.readString(log).substring(firstLog.length());
        for (String store : List.of("trading", "market", "analytics", "batch")) {
            assertThat(secondLog).contains(store + " store ").containsPattern(store
                    + " store \\S+: schema version \\S+ is current \\(Flyway not run\\)");
        }
        assertThat(secondLog).doesNotContain("migrations applied").doesNotContainIgnoringCase("flywaydb");
        assertThat(historyRows()).isEqualTo(history);
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION"))
                .isEqualTo(batchRows.get(0) + 1);
    }

    @Test
    void aStoreBehindTheClasspathIsMigratedByFlywayAgain() throws Exception {
        assertThat(tradebatch("run", "db-stats").exit()).isZero();
        Path trading = dir.resolve("data/trading.db");
        // as if this file had been migrated by an older build: its newest migration not applied yet
        long newest = Sqlite.count(trading, "SELECT max(installed_rank) FROM flyway_schema_history");
        Sqlite.exec(trading, "DELETE FROM flyway_schema_history WHERE installed_rank = " + newest,
                "DROP INDEX IF EXISTS idx_positions_symbol_status");
        Path log = dir.resolve("data/logs/tradebatch.log");
        String before = Files.readString(log);

        Run again = tradebatch("run", "db-stats");
        assertThat(again.exit()).as(again.toString()).isZero();
        String after = Files.readString(log).substring(before.length());
        assertThat(after).containsPattern("trading store \\S+: schema version \\S+ \\(1 migrations applied\\)")
                .containsPattern("market store \\S+: schema version \\S+ is current \\(Flyway not run\\)");
        assertThat(Sqlite.count(trading, "SELECT max(installed_rank) FROM flyway_schema_history")).isEqualTo(newest);
    }

    private List<Long> historyRows() {
        return STORES.stream().map(f -> Sqlite.count(dir.resolve("data").resolve(f),
                "SELECT count(*) * 1000 + max(installed_rank) FROM flyway_schema_history")).toList();
    }
}
