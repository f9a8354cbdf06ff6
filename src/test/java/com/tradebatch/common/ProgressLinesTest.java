package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** A chunk step and a tasklet print their progress in the one line format (interval lowered so every advance prints). */
class ProgressLinesTest {

    /** The format of {@link ProgressSnapshot#line()}; group 1 is the step, 2 done, 3 total, 4 unit. */
    private static final Pattern LINE = Pattern.compile("([\\w.-]+): ([\\d,]+)/([\\d,]+|\\?) (\\w+) \\(([\\d.]+|\\?)%\\),"
            + " [\\d,]+ rows, [\\d,]+ rows/s, ETA (\\d+:\\d\\d:\\d\\d|\\?)$");

    @TempDir
    Path dir;

    @Test
    void chunkStepsAndTaskletsPrintTheSameLine() throws Exception {
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.progress.interval", "0s")
                .set("tradebatch.candles.chunk-size", "10");
        Path file = CandleFiles.binance(dir.resolve("in/BTCUSDT-1h-2024-01.csv"), 1_704_067_200_000L, 3_600_000L, 35);

        // the progress logger writes to the process's stderr, as it does for a person at the terminal
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            Result imported = env.run("run", "candle-import", "file=" + file);
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            Result stats = env.run("run", "db-stats", "databases=trading,market");
            assertThat(stats.exitCode()).as(stats.toString()).isZero();
        } finally {
            System.setErr(original);
        }

        List<String> progress = stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" ETA ")).toList();
        assertThat(progress).allMatch(l -> LINE.matcher(l).matches(), "in the one progress format");
        List<Matcher> lines = progress.stream().map(LINE::matcher).filter(Matcher::matches).toList();
        List<String> chunk = lines.stream().filter(m -> m.group(1).equals("candle-import"))
                .map(m -> m.group(2) + "/" + m.group(3) + " " + m.group(4)).toList();
        List<String> tasklet = lines.stream().filter(m -> m.group(1).equals("db-stats"))
                .map(m -> m.group(2) + "/" + m.group(3) + " " + m.group(4)).toList();

        // four chunks of the file (10, 10, 10, 5 candles), done and total in bytes of the input
        long bytes = Files.size(file);
        assertThat(chunk).hasSize(4).last().isEqualTo(String.format("%,d/%,d bytes", bytes, bytes));
        assertThat(tasklet).containsExactly("1/2 databases", "2/2 databases");
    }
}
