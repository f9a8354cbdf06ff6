package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;

/**
 * Several tradebatch processes on one folder at once must never fail each other: a large candle import, a small
 * one of another symbol, a pattern-import and {@code optimize} (whose VACUUM holds the market store's write lock
 * while the large import writes). All exit 0 and every table holds exactly the rows of its files.
 * <p>
 * The stores exist before (one {@code db-stats}): two processes creating them at the same moment is another
 * matter (StoreMigrator).
 */
class ConcurrentProcessesIT {

    static final int LARGE_ROWS = 400_000;
    static final int SMALL_ROWS = 2_000;
    static final int PATTERNS = 200;
    static final long MINUTE_MS = 60_000;
    static final long HOUR_MS = 3_600_000;
    /** Far above a run's length (under a minute on 2 cores): only a hang, or a badly overloaded machine, reaches it. */
    static final long PATIENCE_MINUTES = 5;

    /** Every process this test started, killed at the end if it is still running (a failed assertion). */
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void mixedJobsStartedTogetherAllSucceedWithExactRows() throws Exception {
        Process stats = start("db-stats", "run", "db-stats");
        assertThat(stats.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)).as("db-stats finished").isTrue();
        assertThat(stats.exitValue()).as(output("db-stats")).isZero();
        Path large = CandleFiles.binance(dir.resolve("in/BTCUSDT-1m-2020.csv"), 1_577_836_800_000L, MINUTE_MS,
                LARGE_ROWS);
        Path small = CandleFiles.binance(dir.resolve("in/ETHUSDT-1h-2020.csv"), 1_577_836_800_000L, HOUR_MS,
                SMALL_ROWS);
        Path patterns = patternFile(dir.resolve("in/patterns.jsonl"));

        // started together: the small jobs reach their writes (and the small import its metadata step) while the
        // large import writes; optimize once the large import has committed a chunk, so VACUUM meets its writes
        Map<String, Process> runs = new LinkedHashMap<>();
        runs.put("large-import", start("large-import", "run", "candle-import", "file=" + large));
        runs.put("small-import", start("small-import", "run", "candle-import", "file=" + small));
        runs.put("pattern-import", start("pattern-import", "run", "pattern-import", "file=" + patterns));
        Path market = dir.resolve("data/market_data.db");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
        while (System.nanoTime() < deadline && runs.get("large-import").isAlive() && committedRows(market) == 0) {
            Thread.sleep(50);
        }
        runs.put("optimize", start("optimize", "run", "optimize"));

        for (var run : runs.entrySet()) {
            assertThat(run.getValue().waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)).as(run.getKey() + " finished").isTrue();
        }
        for (var run : runs.entrySet()) {
            assertThat(run.getValue().exitValue()).as(run.getKey() + ": " + output(run.getKey())).isZero();
        }

        assertThat(Sqlite.strings(market, "SELECT symbol || '|' || count(*) || '|' || count(DISTINCT open_time)"
                + " FROM candlesticks GROUP BY symbol ORDER BY symbol"))
                .containsExactly("BTCUSDT|" + LARGE_ROWS + "|" + LARGE_ROWS, "ETHUSDT|" + SMALL_ROWS + "|" + SMALL_ROWS);
        // every row has the values of its own line: open = 100 + line index
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE open_price <> 100 + "
                + "(strftime('%s', open_time) - 1577836800) / CASE symbol WHEN 'BTCUSDT' THEN 60 ELSE 3600 END"))
                .isZero();
        assertThat(Sqlite.strings(market, "SELECT symbol || '|' || interval || '|' || total_candles || '|'"
                + " || sync_status || '|' || ifnull(error_code, '-') FROM candlestick_metadata ORDER BY symbol"))
                .containsExactly("BTCUSDT|1m|" + LARGE_ROWS + "|complete|-", "ETHUSDT|1h|" + SMALL_ROWS + "|complete|-");
        Path analytics = dir.resolve("data/analytics.db");
        assertThat(Sqlite.count(analytics, "SELECT count(*) FROM pattern_cache")).isEqualTo(PATTERNS);
        assertThat(Sqlite.count(analytics, "SELECT count(DISTINCT detected_at) FROM pattern_cache")).isEqualTo(PATTERNS);
        assertThat(Sqlite.strings(dir.resolve("data/batch.db"), "SELECT DISTINCT STATUS FROM BATCH_JOB_EXECUTION"))
                .containsExactly("COMPLETED");
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(5);
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessIT.javaBin(), "-Xmx256m", "-jar", ProcessIT.jar()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        for (String v : List.of("TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL", "TRADEBATCH_BUSY_TIMEOUT")) {
            pb.environment().remove(v);
        }
        // one log per process, so a failure's stack trace is easy to find
        pb.environment().put("TRADEBATCH_LOG_FILE", dir.resolve("data/logs/" + name + ".log").toString());
        Process p = pb.redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        started.add(p);
        return p;
    }

    private String output(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8)
                + Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /** Rows the large import has committed so far (0 while the file cannot be read yet). */
    private static long committedRows(Path market) {
        try {
            return Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE symbol = 'BTCUSDT'");
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }

    /** JSON Lines, one pattern an hour: every line is its own row (the upsert key has detected_at). */
    private static Path patternFile(Path file) throws IOException {
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PATTERNS; i++) {
            Instant at = first.plusSeconds(3600L * i);
            lines.add("{\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"pattern_type\":\"reversal\","
                    + "\"pattern_name\":\"double_bottom\",\"detected_at\":\"" + at + "\",\"pattern_start\":\"" + at
                    + "\",\"confidence_score\":0.8}");
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
