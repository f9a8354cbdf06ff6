package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.FailingCommit;
import com.tradebatch.support.LegacyPostgres;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/**
 * A data commit that fails after Spring Batch has saved the step's position in the batch store (the window
 * between the two commits): the run fails, its summary counts only committed rows, and running the same command
 * again loads every row exactly once. One case per chunk job that writes a store other than the batch store.
 */
class FailedCommitTest {

    private static final Class<?>[] FAULT = {FailingCommit.class};

    @TempDir
    Path dir;

    @AfterEach
    void disarm() {
        FailingCommit.disarm();
    }

    private static long writtenInSummary(Result r) {
        var m = java.util.regex.Pattern.compile("written ([\\d,]+)").matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** Whole chunks landed before the failed one, and not all of them. */
    private static void assertChunks(long committed, long chunk, long total) {
        assertThat(committed).isPositive().isLessThan(total);
        assertThat(committed % chunk).as("whole chunks only").isZero();
    }

    /**
     * Runs the command with the {@code failAt}-th commit of {@code txBean} failing: exit 1, whole chunks only in
     * {@code table}, the summary counting just those; then the same command again: exit 0, {@code total} rows.
     */
    private static Result failOnceThenResume(TestEnvironment env, String txBean, int failAt, Path db, String table,
            long chunk, long total, String... command) {
        FailingCommit.arm(txBean, failAt);
        Result failed = env.runWith(FAULT, command);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("injected fault");
        long committed = Sqlite.count(db, "SELECT count(*) FROM " + table);
        assertChunks(committed, chunk, total);
        assertThat(writtenInSummary(failed)).as(failed.toString()).isEqualTo(committed);

        FailingCommit.disarm();
        Result resumed = env.run(command);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Sqlite.count(db, "SELECT count(*) FROM " + table)).isEqualTo(total);
        return failed;
    }

    private Path lines(String name, int n, IntFunction<String> line) throws IOException {
        Path file = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.write(file, IntStream.range(0, n).mapToObj(line).toList());
        return file;
    }

    @Test
    void candleImportLosesNoChunkWhenACommitFails() {
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.candles.chunk-size", "1000");
        Path file = CandleFiles.binance(dir.resolve("in/BTCUSDT-1m-2024.csv"), 1_704_067_200_000L, 60_000L, 5_500);
        Path market = dir.resolve("data/market_data.db");

        failOnceThenResume(env, "marketBulkTransactionManager", 3, market, "candlesticks", 1_000, 5_500,
                "run", "candle-import", "file=" + file);
        assertThat(Sqlite.count(market, "SELECT count(DISTINCT open_time) FROM candlesticks")).isEqualTo(5_500);
        // every row holds the values of its own line (row i opens at 100 + i)
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE open_price != 100 +"
                + " (strftime('%s', open_time) - 1704067200) / 60")).isZero();
        assertThat(Sqlite.strings(market, "SELECT total_candles || ' ' || sync_status FROM candlestick_metadata"))
                .containsExactly("5500 complete");
    }

    @Test
    void patternImportLosesNoChunkWhenACommitFails() throws IOException {
        Path file = lines("patterns.jsonl", 1_700, i -> String.format(Locale.ROOT, "{\"symbol\":\"BTCUSDT\","
                + "\"interval\":\"1m\",\"pattern_type\":\"reversal\",\"pattern_name\":\"p%d\",\"detected_at\":%d,"
                + "\"pattern_start\":%d,\"confidence_score\":0.5}", i, 1_704_067_200L + i * 60L, 1_704_067_200L + i * 60L));
        Path analytics = dir.resolve("data/analytics.db");

        Result failed = failOnceThenResume(new TestEnvironment(dir), "analyticsTransactionManager", 2, analytics,
                "pattern_cache", 500, 1_700, "run", "pattern-import", "file=" + file);
        assertThat(failed.out()).contains("pattern_cache: %,d inserted".formatted(writtenInSummary(failed)));
        assertThat(Sqlite.count(analytics, "SELECT count(DISTINCT pattern_name) FROM pattern_cache")).isEqualTo(1_700);
    }

    @Test
    void mlResultsImportLosesNoChunkWhenACommitFails() throws IOException {
        Path file = lines("predictions.jsonl", 1_200, i -> String.format(Locale.ROOT, "{\"model_name\":\"m\","
                + "\"model_version\":\"1\",\"symbol\":\"BTCUSDT\",\"interval\":\"1m\",\"prediction_type\":\"price\","
                + "\"predicted_value\":%d.5,\"prediction_timestamp\":%d}", i, 1_704_067_200L + i * 60L));

        failOnceThenResume(new TestEnvironment(dir), "analyticsTransactionManager", 2, dir.resolve("data/analytics.db"),
                "ml_model_results", 500, 1_200, "run", "ml-results-import", "file=" + file);
    }

    @Test
    void pgMigrateLosesNoChunkWhenACommitFails() {
        LegacyPostgres pg = LegacyPostgres.get();
        TestEnvironment env = new TestEnvironment(dir).set("LEGACY_DATABASE_URL", pg.url(pg.newDatabase()))
                .set("tradebatch.migration.chunk-size", "20000");

        // the resumed run's own verification proves every row equals the source's
        failOnceThenResume(env, "marketBulkTransactionManager", 3, dir.resolve("data/market_data.db"), "candlesticks",
                20_000, 100_001, "run", "pg-migrate", "tables=market_data");
    }
}
