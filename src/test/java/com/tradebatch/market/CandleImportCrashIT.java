package com.tradebatch.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;

/**
 * kill -9 in the middle of a large import, then the same command again: exactly the right rows, no
 * duplicates, metadata right. The packaged jar runs as a real process, with -Xmx256m.
 */
class CandleImportCrashIT {

    static final int ROWS = 600_000;

    @TempDir
    Path dir;

    /** Rows the running import has committed so far (0 while it is still creating the schema). */
    private static long committedRows(Path market) {
        return Sqlite.countOrZero(market, "SELECT count(*) FROM candlesticks");
    }

    @Test
    void killedImportResumesWithoutDuplicates() throws Exception {
        Path file = CandleFiles.binance(dir.resolve("BTCUSDT-1m-2020.csv"), 1_577_836_800_000L, 60_000L, ROWS);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", Path.of(System.getProperty("tradebatch.jar", "target/tradebatch.jar")).toAbsolutePath().toString(),
                "run", "candle-import", "file=" + file);
        File err1 = dir.resolve("err1.txt").toFile();
        Process first = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out1.txt").toFile()).redirectError(err1).start();
        // wait until it has committed some chunks, then kill it without warning
        Path market = dir.resolve("data/market_data.db");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && first.isAlive()
                && committedRows(market) < 50_000) {
            Thread.sleep(100);
        }
        assertThat(first.isAlive()).as("the first import must still be running to be killed").isTrue();
        first.destroyForcibly(); // SIGKILL
        first.waitFor(30, TimeUnit.SECONDS);
        long partial = Sqlite.count(market, "SELECT count(*) FROM candlesticks");
        assertThat(partial).isBetween(1L, ROWS - 1L);
        assertThat(Sqlite.strings(market, "SELECT sync_status FROM candlestick_metadata")).containsExactly("syncing");

        Process second = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out2.txt").toFile()).redirectError(dir.resolve("err2.txt").toFile()).start();
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(dir.resolve("out2.txt"));
        String err = Files.readString(dir.resolve("err2.txt"));
        assertThat(second.exitValue()).as(out + err).isZero();
        assertThat(err).contains("resuming execution 1 (left running by a process that is gone)");
        assertThat(out).contains("COMPLETED");

        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(ROWS);
        assertThat(Sqlite.count(market, "SELECT count(DISTINCT open_time) FROM candlesticks")).isEqualTo(ROWS);
        assertThat(Sqlite.strings(market, "SELECT min(open_time) || '|' || max(open_time) FROM candlesticks"))
                .containsExactly("2020-01-01 00:00:00.000000|2021-02-20 15:59:00.000000");
        // every row has the values of its own line: open = 100 + line index
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE open_price <> 100 + "
                + "(strftime('%s', open_time) - 1577836800) / 60")).isZero();
        assertThat(Sqlite.strings(market, "SELECT total_candles || '|' || sync_status || '|' || ifnull(error_code, '-')"
                + " FROM candlestick_metadata")).containsExactly(ROWS + "|complete|-");
        Path batch = dir.resolve("data/batch.db");
        assertThat(Sqlite.strings(batch, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(Sqlite.count(batch, "SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
    }
}
