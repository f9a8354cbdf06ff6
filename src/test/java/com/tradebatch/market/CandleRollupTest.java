package com.tradebatch.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.common.TradingTime;
import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** candle-rollup checked against buckets the test computes itself from the raw exchange rows. */
class CandleRollupTest {

    @TempDir
    Path dir;

    /** open, high, low, close, volume, trades of one bucket, computed from the raw file rows. */
    record Bucket(double open, double high, double low, double close, double volume, long trades) {
        Bucket merge(double[] row, long t) {
            return new Bucket(open, Math.max(high, row[1]), Math.min(low, row[2]), row[3], volume + row[4], trades + t);
        }
    }

    static Map<Long, Bucket> expected(List<Path> files, long bucketMs) throws IOException {
        Map<Long, Bucket> buckets = new TreeMap<>();
        for (Path f : files) {
            try (Stream<String> lines = Files.lines(f)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    String[] c = line.split(",");
                    long t = Long.parseLong(c[0]);
                    long ms = t > 100_000_000_000_000L ? t / 1000 : t;
                    double[] row = {Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                            Double.parseDouble(c[4]), Double.parseDouble(c[5])};
                    long trades = Long.parseLong(c[8]);
                    buckets.merge(ms - ms % bucketMs, new Bucket(row[0], row[1], row[2], row[3], row[4], trades),
                            (a, b) -> a.merge(row, trades));
                }
            }
        }
        return buckets;
    }

    @Test
    void rollsRealHourlyCandlesUpTo4hAnd1dAsComputedFromTheRawRows() throws Exception {
        Path spot = CandleImportRealFilesTest.CANDLES.resolve("binance-spot");
        assumeTrue(Files.isDirectory(spot), "shared candle files not present");
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "candle-import", "file=" + spot).exitCode()).isZero();

        Result r = env.run("run", "candle-rollup", "source-interval=1h", "target-intervals=4h,1d");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("BTCUSDT 4h", "1,272 complete", "BTCUSDT 1d", "212 complete");

        List<Path> files;
        try (Stream<Path> s = Files.list(spot)) {
            files = s.sorted().toList();
        }
        Path market = dir.resolve("data/market_data.db");
        for (var target : List.of(Map.entry("4h", 4 * 3_600_000L), Map.entry("1d", 86_400_000L))) {
            Map<Long, Bucket> want = expected(files, target.getValue());
            List<String> rows = Sqlite.strings(market, "SELECT open_time || ',' || close_time || ',' || open_price || ',' || high_price"
                    + " || ',' || low_price || ',' || close_price || ',' || volume || ',' || number_of_trades FROM candlesticks"
                    + " WHERE symbol = 'BTCUSDT' AND interval = '" + target.getKey() + "' ORDER BY open_time");
            assertThat(rows).hasSize(want.size());
            List<Long> starts = new ArrayList<>(want.keySet());
            for (int i = 0; i < rows.size(); i++) {
                String[] c = rows.get(i).split(",");
                long start = starts.get(i);
                Bucket b = want.get(start);
                assertThat(c[0]).isEqualTo(TradingTime.formatEpochMillis(start));
                assertThat(c[1]).isEqualTo(TradingTime.formatEpochMillis(start + target.getValue() - 1));
                assertThat(Double.parseDouble(c[2])).as("open %s", c[0]).isEqualTo(b.open());
                assertThat(Double.parseDouble(c[3])).as("high %s", c[0]).isEqualTo(b.high());
                assertThat(Double.parseDouble(c[4])).as("low %s", c[0]).isEqualTo(b.low());
                assertThat(Double.parseDouble(c[5])).as("close %s", c[0]).isEqualTo(b.close());
                assertThat(Double.parseDouble(c[6])).as("volume %s", c[0]).isCloseTo(b.volume(), within(1e-6));
                assertThat(Long.parseLong(c[7])).as("trades %s", c[0]).isEqualTo(b.trades());
            }
        }
        assertThat(Sqlite.strings(market, "SELECT interval || '|' || total_candles || '|' || sync_status FROM candlestick_metadata"
                + " ORDER BY interval")).containsExactly("1d|212|complete", "1h|5088|complete", "4h|1272|complete");

        String before = String.join("\n", Sqlite.strings(market, "SELECT id || close_price || created_at FROM candlesticks ORDER BY id"));
        Result again = env.run("run", "candle-rollup", "source-interval=1h", "target-intervals=4h,1d");
        assertThat(again.out()).contains("written 0");
        assertThat(String.join("\n", Sqlite.strings(market, "SELECT id || close_price || created_at FROM candlesticks ORDER BY id")))
                .isEqualTo(before);
    }

    @Test
    void bucketsWithMissingSourceCandlesAreNotWritten() {
        long t0 = 1_735_689_600_000L; // 2025-01-01 00:00 UTC
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i != 5) { // 05:00 is missing: the 04:00-08:00 bucket is incomplete
                lines.add(CandleFiles.binanceLine(t0 + i * 3_600_000L, 3_600_000L, i));
            }
        }
        Path file = CandleFiles.write(dir.resolve("XRPUSDT-1h-2025-01.csv"), lines.toArray(String[]::new));
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "candle-import", "file=" + file).exitCode()).isZero();
        Result r = env.run("run", "candle-rollup", "source-interval=1h", "target-intervals=4h", "symbol=xrpusdt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("3 buckets", "2 complete", "1 incomplete (not written)");
        assertThat(Sqlite.strings(dir.resolve("data/market_data.db"), "SELECT open_time || '|' || open_price || '|' || close_price"
                + " FROM candlesticks WHERE interval = '4h' ORDER BY open_time")).containsExactly(
                "2025-01-01 00:00:00.000000|100.0|103.5", "2025-01-01 08:00:00.000000|108.0|111.5");
        assertThat(Sqlite.strings(dir.resolve("data/market_data.db"), "SELECT total_candles || '|' || sync_status"
                + " FROM candlestick_metadata WHERE interval = '4h'")).containsExactly("2|partial");

        Result bad = env.run("run", "candle-rollup", "source-interval=4h", "target-intervals=1h");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("1h is not coarser than source-interval 4h");
    }
}
