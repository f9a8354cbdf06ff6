package com.tradebatch.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** The real exchange files in ../shared/data/candles, in all three layouts (always present in CI). */
class CandleImportRealFilesTest {

    static final Path CANDLES = Path.of("..", "shared", "data", "candles").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path market() {
        return dir.resolve("data/market_data.db");
    }

    private Result importFiles(TestEnvironment env, String file) {
        assumeTrue(Files.isDirectory(CANDLES), "shared candle files not present");
        Result r = env.run("run", "candle-import", "file=" + file);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void binanceSpotHeaderlessMillisAndMicrosecondFiles() {
        TestEnvironment env = new TestEnvironment(dir);
        Result r = importFiles(env, CANDLES.resolve("binance-spot").toString());
        assertThat(r.out()).contains("read 5,088", "written 5,088", "BTCUSDT 1h", "gaps 0", "complete");

        for (YearMonth month = YearMonth.of(2024, 11); !month.isAfter(YearMonth.of(2025, 5)); month = month.plusMonths(1)) {
            long rows = Sqlite.count(market(), "SELECT count(*) FROM candlesticks WHERE symbol = 'BTCUSDT' AND interval = '1h'"
                    + " AND open_time LIKE '" + month + "-%'");
            assertThat(rows).as("candles in %s", month).isEqualTo(month.lengthOfMonth() * 24L);
        }
        // the first candle of 2025 comes from the microsecond file and must be read as 2025, not 57000
        assertThat(Sqlite.strings(market(), "SELECT close_time || '|' || open_price || '|' || high_price || '|' || low_price"
                + " || '|' || close_price || '|' || volume || '|' || number_of_trades || '|' || (taker_buy_quote_asset_volume = 39596777.7799259)"
                + " FROM candlesticks WHERE open_time = '2025-01-01 00:00:00.000000'"))
                .containsExactly("2025-01-01 00:59:59.999999|93576.0|94509.42|93489.03|94401.14|755.9901|93525|1");
        // the last of 2024 from the millisecond file
        assertThat(Sqlite.strings(market(), "SELECT close_time || '|' || close_price FROM candlesticks"
                + " WHERE open_time = '2024-12-31 23:00:00.000000'")).containsExactly("2024-12-31 23:59:59.999000|93576.0");
        assertThat(Sqlite.strings(market(), "SELECT earliest_timestamp || '|' || latest_timestamp || '|' || total_candles"
                + " || '|' || sync_status || '|' || (last_success_at IS NOT NULL) FROM candlestick_metadata"))
                .containsExactly("2024-11-01 00:00:00.000000|2025-05-31 23:00:00.000000|5088|complete|1");
    }

    @Test
    void binanceFuturesWithHeaderAndAMissingHour() {
        TestEnvironment env = new TestEnvironment(dir);
        Result r = importFiles(env, CANDLES.resolve("binance-futures") + "/BTCUSDT-1h-2023-0*.csv");
        assertThat(r.out()).contains("written 3,623", "gaps 1", "partial");
        // the exchange's own file for March 2023 lacks one hour
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks WHERE open_time LIKE '2023-03-%'")).isEqualTo(743);
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks WHERE open_time LIKE '2023-04-%'")).isEqualTo(720);
        assertThat(Sqlite.strings(market(), "SELECT total_candles || '|' || sync_status FROM candlestick_metadata"))
                .containsExactly("3623|partial");
    }

    @Test
    void binanceUsIsoTimestampsWithUnderscoreName() {
        TestEnvironment env = new TestEnvironment(dir);
        Result r = importFiles(env, CANDLES.resolve("binance-us/BTCUSDC_1m_20230301_20230321.csv").toString());
        assertThat(r.out()).contains("BTCUSDC 1m", "written 30,240", "gaps 0");
        assertThat(Sqlite.strings(market(), "SELECT open_time || '|' || close_time || '|' || open_price || '|' || volume"
                + " || '|' || ifnull(quote_asset_volume, 'null') FROM candlesticks ORDER BY open_time LIMIT 1"))
                .containsExactly("2023-03-01 00:00:00.000000|2023-03-01 00:00:59.999000|23143.82|0.26395|null");
        assertThat(Sqlite.strings(market(), "SELECT max(open_time) FROM candlesticks")).containsExactly("2023-03-21 23:59:00.000000");
    }

    @Test
    void reimportingChangesNothing() {
        TestEnvironment env = new TestEnvironment(dir);
        importFiles(env, CANDLES.resolve("binance-spot").toString());
        String before = String.join("\n", Sqlite.strings(market(), "SELECT id || '|' || open_time || '|' || close_price"
                + " || '|' || created_at FROM candlesticks ORDER BY id"));
        Result again = importFiles(env, CANDLES.resolve("binance-spot").toString());
        assertThat(again.out()).contains("BTCUSDT 1h", "5,088 candles");
        String after = String.join("\n", Sqlite.strings(market(), "SELECT id || '|' || open_time || '|' || close_price"
                + " || '|' || created_at FROM candlesticks ORDER BY id"));
        assertThat(after).isEqualTo(before);
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isEqualTo(5088);
        assertThat(Sqlite.count(market(), "SELECT total_candles FROM candlestick_metadata")).isEqualTo(5088);
    }
}
