package com.tradebatch.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/**
 * A real full disk: the market database lives on a small tmpfs. The import fails (SQLITE_FULL), counts only
 * what it committed; once space is freed the same command finishes with every row exactly once.
 * Mounting needs root (CI runs as root); elsewhere the test is skipped, saying why.
 */
class CandleImportDiskFullTest {

    @TempDir
    Path dir;
    private Path mount;

    private static int sh(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            sh("umount", mount.toString());
        }
    }

    @Test
    void importOntoAFullDiskLosesNothingAndResumesWhenSpaceIsFreed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.toString()) == 0,
                "cannot mount a tmpfs here (needs root): the full-disk case is not run");
        mount = folder;
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.candles.chunk-size", "1000")
                .set("MARKET_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("market_data.db"));
        Path file = CandleFiles.binance(dir.resolve("in/ETHUSDT-1m-2024.csv"), 1_704_067_200_000L, 60_000L, 20_000);
        Path market = folder.resolve("market_data.db");

        Result full = env.run("run", "candle-import", "file=" + file);
        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.out() + full.err()).containsIgnoringCase("full");
        long committed = Sqlite.count(market, "SELECT count(*) FROM candlesticks");
        assertThat(committed).isLessThan(20_000);
        Matcher written = Pattern.compile("written ([\\d,]+)").matcher(full.out());
        assertThat(written.find()).as(full.toString()).isTrue();
        assertThat(Long.parseLong(written.group(1).replace(",", ""))).isEqualTo(committed);

        assertThat(sh("mount", "-o", "remount,size=64m", folder.toString())).isZero();
        Result resumed = env.run("run", "candle-import", "file=" + file);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(20_000);
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks WHERE open_price != 100 +"
                + " (strftime('%s', open_time) - 1704067200) / 60")).isZero();
    }
}
