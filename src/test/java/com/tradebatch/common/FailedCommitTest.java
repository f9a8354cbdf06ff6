package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    @Test
    void candleImportLosesNoChunkWhenACommitFails() {
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.candles.chunk-size", "1000");
        Path file = CandleFiles.binance(dir.resolve("in/BTCUSDT-1m-2024.csv"), 1_704_067_200_000L, 60_000L, 5_500);
        Path market = dir.resolve("data/market_data.db");

        FailingCommit.arm("marketBulkTransactionManager", 3);
        Result failed = env.runWith(FAULT, "run", "candle-import", "file=" + file);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("injected fault");
        long committed = Sqlite.count(market, "SELECT count(*) FROM candlesticks");
        assertChunks(committed, 1_000, 5_500);
        assertThat(writtenInSummary(failed)).as(failed.toString()).isEqualTo(committed);

        FailingCommit.disarm();
        Result resumed = env.run("run", "candle-import", "file=" + file);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(5_500);
        assertThat(Sqlite.count(market, "SELECT count(DISTINCT open_time) FROM candlesticks")).isEqualTo(5_500);
        // every row holds the values of its own line (row i opens at 100 + i)
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE open_price != 100 +"
                + " (strftime('%s', open_time) - 1704067200) / 60")).isZero();
        assertThat(Sqlite.strings(market, "SELECT total_candles || ' ' || sync_status FROM candlestick_metadata"))
                .containsExactly("5500 complete");
    }

    @Test
    void patternImportLosesNoChunkWhenACommitFails() throws IOException {
        TestEnvironment env = new TestEnvironment(dir);
        Path file = dir.resolve("in/patterns.jsonl");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_700; i++) {
            lines.add(String.format(Locale.ROOT, "{\"symbol\":\"BTCUSDT\",\"interval\":\"1m\",\"pattern_type\":\"reversal\","
                    + "\"pattern_name\":\"p%d\",\"detected_at\":%d,\"pattern_start\":%d,\"confidence_score\":0.5}",
                    i, 1_704_067_200L + i * 60L, 1_704_067_200L + i * 60L));
        }
        Files.write(file, lines);
        Path analytics = dir.resolve("data/analytics.db");

        FailingCommit.arm("analyticsTransactionManager", 2);
        Result failed = env.runWith(FAULT, "run", "pattern-import", "file=" + file);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        long committed = Sqlite.count(analytics, "SELECT count(*) FROM pattern_cache");
        assertChunks(committed, 500, 1_700);
        assertThat(writtenInSummary(failed)).as(failed.toString()).isEqualTo(committed);
        assertThat(failed.out()).contains("pattern_cache: %,d inserted".formatted(committed));

        FailingCommit.disarm();
        Result resumed = env.run("run", "pattern-import", "file=" + file);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Sqlite.count(analytics, "SELECT count(*) FROM pattern_cache")).isEqualTo(1_700);
        assertThat(Sqlite.count(analytics, "SELECT count(DISTINCT pattern_name) FROM pattern_cache")).isEqualTo(1_700);
    }

    @Test
    void mlResultsImportLosesNoChunkWhenACommitFails() throws IOException {
        TestEnvironment env = new TestEnvironment(dir);
        Path file = dir.resolve("in/predictions.jsonl");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            lines.add(String.format(Locale.ROOT, "{\"model_name\":\"m\",\"model_version\":\"1\",\"symbol\":\"BTCUSDT\","
                    + "\"interval\":\"1m\",\"prediction_type\":\"price\",\"predicted_value\":%d.5,"
                    + "\"prediction_timestamp\":%d}", i, 1_704_067_200L + i * 60L));
        }
        Files.write(file, lines);
        Path analytics = dir.resolve("data/analytics.db");

        FailingCommit.arm("analyticsTransactionManager", 2);
        Result failed = env.runWith(FAULT, "run", "ml-results-import", "file=" + file);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        long committed = Sqlite.count(analytics, "SELECT count(*) FROM ml_model_results");
        assertChunks(committed, 500, 1_200);
        assertThat(writtenInSummary(failed)).as(failed.toString()).isEqualTo(committed);

        FailingCommit.disarm();
        Result resumed = env.run("run", "ml-results-import", "file=" + file);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Sqlite.count(analytics, "SELECT count(*) FROM ml_model_results")).isEqualTo(1_200);
    }

    @Test
    void pgMigrateLosesNoChunkWhenACommitFails() {
        LegacyPostgres pg = LegacyPostgres.get();
        TestEnvironment env = new TestEnvironment(dir).set("LEGACY_DATABASE_URL", pg.url(pg.newDatabase()))
                .set("tradebatch.migration.chunk-size", "20000");
        Path market = dir.resolve("data/market_data.db");

        FailingCommit.arm("marketBulkTransactionManager", 3);
        Result failed = env.runWith(FAULT, "run", "pg-migrate", "tables=market_data");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        long committed = Sqlite.count(market, "SELECT count(*) FROM candlesticks");
        assertChunks(committed, 20_000, 100_001);
        assertThat(writtenInSummary(failed)).as(failed.toString()).isEqualTo(committed);

        FailingCommit.disarm();
        Result resumed = env.run("run", "pg-migrate", "tables=market_data");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(100_001);
    }
}
