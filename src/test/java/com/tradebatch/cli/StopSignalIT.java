package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;

/**
 * SIGTERM (what Ctrl-C, systemd and {@code kill} send) to a running import: the packaged jar as a real process
 * ends the execution STOPPED at a chunk boundary, exits 1 saying how to resume, and the same command finishes
 * the import with every row exactly once.
 */
class StopSignalIT {

    static final int ROWS = 600_000;

    @TempDir
    Path dir;

    /** Rows the running import has committed so far (0 while it is still creating the schema). */
    private static long committedRows(Path market) {
        return Sqlite.countOrZero(market, "SELECT count(*) FROM candlesticks");
    }

    @Test
    void sigtermStopsTheRunAtAChunkBoundaryAndTheSameCommandResumesIt() throws Exception {
        Path file = CandleFiles.binance(dir.resolve("BTCUSDT-1m-2020.csv"), 1_577_836_800_000L, 60_000L, ROWS);
        List<String> command = List.of(ProcessIT.javaBin(), "-Xmx256m", "-jar", ProcessIT.jar(),
                "run", "candle-import", "file=" + file);
        Process first = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out1.txt").toFile()).redirectError(dir.resolve("err1.txt").toFile()).start();
        Path market = dir.resolve("data/market_data.db");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && first.isAlive() && committedRows(market) < 50_000) {
            Thread.sleep(100);
        }
        assertThat(first.isAlive()).as("the import must still be running to be stopped").isTrue();
        first.destroy(); // SIGTERM
        boolean exited = first.waitFor(2, TimeUnit.MINUTES);
        // seen once in ~10 runs (2026-12-02): no exit after SIGTERM, the step waiting for a parser closed under it
        // (fixed, CandleFileReaderCloseTest); the thread dump stays for whatever else might hang here
        assertThat(exited).as("no exit 2 min after SIGTERM; its threads:\n%s", exited ? "" : threadDump(first)).isTrue();
        String out1 = Files.readString(dir.resolve("out1.txt"));
        String err1 = Files.readString(dir.resolve("err1.txt"));
        assertThat(first.exitValue()).as(out1 + err1).isEqualTo(1);
        assertThat(out1).contains("execution 1 STOPPED", "stopped: run the same command to resume");
        assertThat(err1).contains("SIGTERM: stopping at the next chunk boundary");
        Path batch = dir.resolve("data/batch.db");
        assertThat(Sqlite.strings(batch, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STOPPED");
        long stoppedAt = committedRows(market);
        assertThat(stoppedAt).isBetween(1L, ROWS - 1L);

        Process second = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out2.txt").toFile()).redirectError(dir.resolve("err2.txt").toFile()).start();
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out2 = Files.readString(dir.resolve("out2.txt"));
        String err2 = Files.readString(dir.resolve("err2.txt"));
        assertThat(second.exitValue()).as(out2 + err2).isZero();
        assertThat(err2).contains("resuming execution 1 (STOPPED)");
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(ROWS);
        assertThat(Sqlite.count(market, "SELECT count(DISTINCT open_time) FROM candlesticks")).isEqualTo(ROWS);
        assertThat(Sqlite.strings(batch, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .containsExactly("STOPPED", "COMPLETED");
    }

    /** The hung process's threads (the JDK's jstack beside this java), its output files' tails, then it is killed. */
    private String threadDump(Process p) throws Exception {
        Path jstack = Path.of(ProcessIT.javaBin()).resolveSibling("jstack");
        Process dump = new ProcessBuilder(jstack.toString(), Long.toString(p.pid())).redirectErrorStream(true).start();
        String threads = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        dump.waitFor(30, TimeUnit.SECONDS);
        p.destroyForcibly();
        return threads + "\n--- out1:\n" + Files.readString(dir.resolve("out1.txt")) + "\n--- err1:\n"
                + Files.readString(dir.resolve("err1.txt"));
    }
}
