package com.tradebatch.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** Generated files: rejects with line numbers, skip-limit, layouts and parameters, clashes, merging. */
class CandleImportValidationTest {

    static final long H = 3_600_000L;
    static final long T0 = 1_735_689_600_000L; // 2025-01-01 00:00 UTC

    @TempDir
    Path dir;

    private Path market() {
        return dir.resolve("data/market_data.db");
    }

    /** Ten hourly rows of which lines 3, 5, 7 and 8 are bad in four different ways. */
    private Path fileWithFourBadRows() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(CandleFiles.binanceLine(T0 + i * H, H, i));
        }
        lines.set(2, lines.get(2).replaceFirst(",102\\.00,", ",1o2.00,"));         // line 3: not a number
        lines.set(4, CandleFiles.binanceLine(T0 + 4 * H, H, 4).replaceFirst(",105\\.50,", ",90.00,")); // line 5: high below open/close
        lines.set(6, CandleFiles.binanceLine(T0 + 6 * H + 60_000, H, 6));          // line 7: not on the hour
        lines.set(7, lines.get(7).replaceFirst(",(1\\d\\.\\d{5}),", ",-$1,"));      // line 8: negative volume
        return CandleFiles.write(dir.resolve("in/ETHUSDT-1h-2025-01.csv"), lines.toArray(String[]::new));
    }

    @Test
    void badRowsGoToTheRejectFileWithLineNumbersAndTheRestIsLoaded() throws Exception {
        Path file = fileWithFourBadRows();
        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + file);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("written 6", "skipped 4", "4 rejected rows written to");
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks WHERE symbol = 'ETHUSDT'")).isEqualTo(6);
        Path rejects = dir.resolve("data/rejects/candle-import-1.csv");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.get(0)).isEqualTo("source_file,line_number,reason,raw_line");
        assertThat(lines.subList(1, lines.size())).hasSize(4).satisfiesExactly(
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,3,").contains("open: not a number", "1o2.00"),
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,5,").contains("high 90.0 is below max(open, close)"),
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,7,").contains("not aligned to the 1h interval"),
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,8,").contains("negative volume"));
        // the gaps the rejects left are counted
        assertThat(Sqlite.strings(market(), "SELECT sync_status || '|' || total_candles FROM candlestick_metadata"))
                .containsExactly("partial|6");
        assertThat(r.out()).contains("gaps 4");
    }

    @Test
    void pastTheSkipLimitTheJobFailsNamingTheLimitAndTheRestartFinishes() throws Exception {
        Path file = fileWithFourBadRows();
        TestEnvironment env = new TestEnvironment(dir);
        Result failed = env.run("run", "candle-import", "file=" + file, "skip-limit=2");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED", "skip-limit=2", "line 7");
        assertThat(Sqlite.strings(market(), "SELECT sync_status || '|' || error_code || '|' || (error_message LIKE '%skip-limit=2%')"
                + " FROM candlestick_metadata")).containsExactly("error|IMPORT_FAILED|1");

        // the operator fixes the file and runs the same command: the failed run resumes and finishes
        CandleFiles.binance(file, T0, H, 10);
        Result fixed = env.run("run", "candle-import", "file=" + file, "skip-limit=2");
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isEqualTo(10);
        assertThat(Sqlite.count(market(), "SELECT count(DISTINCT open_time) FROM candlesticks")).isEqualTo(10);
        assertThat(Sqlite.strings(market(), "SELECT sync_status || '|' || total_candles || '|' || ifnull(error_code, '-')"
                + " FROM candlestick_metadata")).containsExactly("complete|10|-");
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
    }

    @Test
    void spacingThatDoesNotFitTheIntervalFailsBeforeWritingAnything() {
        // minute candles in a file whose name says 1h
        Path file = CandleFiles.binance(dir.resolve("BTCUSDT-1h-2025-01.csv"), T0, 60_000, 50);
        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + file);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("BTCUSDT-1h-2025-01.csv", "1 min apart", "does not fit interval 1h");
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isZero();

        Result clash = new TestEnvironment(dir).run("run", "candle-import", "file=" + file, "interval=1m");
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.out()).contains("interval=1m but the file name says 1h");
    }

    @Test
    void headerlessFileWithExplicitColumnsAndSecondTimestamps() {
        Path file = CandleFiles.write(dir.resolve("prices.csv"),
                "1735689600,10,12,9,11,5,42", "1735693200,11,13,10,12,6,43", "1735696800,12,12.5,11,11.5,7,44");
        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + file, "symbol=solusdt", "interval=1h",
                "columns=open_time,open,high,low,close,volume,number_of_trades");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Sqlite.strings(market(), "SELECT symbol || '|' || open_time || '|' || close_time || '|' || number_of_trades"
                + " FROM candlesticks ORDER BY open_time")).containsExactly(
                "SOLUSDT|2025-01-01 00:00:00.000000|2025-01-01 00:59:59.999000|42",
                "SOLUSDT|2025-01-01 01:00:00.000000|2025-01-01 01:59:59.999000|43",
                "SOLUSDT|2025-01-01 02:00:00.000000|2025-01-01 02:59:59.999000|44");

        Result noColumns = new TestEnvironment(dir).run("run", "candle-import", "file=" + file, "symbol=SOLUSDT", "interval=1h");
        assertThat(noColumns.exitCode()).isEqualTo(1);
        assertThat(noColumns.out()).contains("prices.csv", "columns=");
    }

    @Test
    void genericHeaderWithIsoTimesInAnotherZone() {
        Path file = CandleFiles.write(dir.resolve("eth.csv"), "timestamp,open,high,low,close,volume,quote_volume",
                "2025-01-01T02:00:00+02:00,10,12,9,11,5,55", "2025-01-01T01:00:00Z,11,13,10,12,6,72");
        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + file, "symbol=ETHUSDT", "interval=1h");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Sqlite.strings(market(), "SELECT open_time || '|' || quote_asset_volume FROM candlesticks ORDER BY open_time"))
                .containsExactly("2025-01-01 00:00:00.000000|55.0", "2025-01-01 01:00:00.000000|72.0");
    }

    @Test
    void overlappingFilesMergeAndTheLaterFileWins() {
        Path folder = dir.resolve("in");
        CandleFiles.binance(folder.resolve("BTCUSDT-1h-a.csv"), T0, H, 10);
        List<String> later = new ArrayList<>();
        for (int i = 5; i < 15; i++) {
            later.add(CandleFiles.binanceLine(T0 + i * H, H, i).replaceFirst(",(\\d+\\.50),", ",$1,") // same values
                    .replaceFirst("^(\\d+),(\\d+)\\.00,", "$1,$2.25,"));                              // other open
        }
        CandleFiles.write(folder.resolve("BTCUSDT-1h-b.csv"), later.toArray(String[]::new));
        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + folder);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isEqualTo(15);
        assertThat(Sqlite.strings(market(), "SELECT open_price FROM candlesticks WHERE open_time = '2025-01-01 04:00:00.000000'"))
                .containsExactly("104.0");
        assertThat(Sqlite.strings(market(), "SELECT open_price FROM candlesticks WHERE open_time = '2025-01-01 05:00:00.000000'"))
                .containsExactly("105.25");
    }

    /**
     * The writer upserts many candles per statement: a file longer than one statement, not a multiple of it, where
     * ten candles come again (other open) inside the same statement as their first rows. The later values win, no
     * row is doubled, and every row lands once, the last statement's included.
     */
    @Test
    void candlesRepeatedInsideOneFileLoadOnceWithTheLaterValues() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            lines.add(CandleFiles.binanceLine(T0 + i * H, H, i));
            if (i == 149) {
                for (int j = 140; j < 150; j++) {
                    lines.add(CandleFiles.binanceLine(T0 + j * H, H, j).replaceFirst("^(\\d+),(\\d+)\\.00,", "$1,$2.25,"));
                }
            }
        }
        Path file = CandleFiles.write(dir.resolve("in/BTCUSDT-1h-2025-01.csv"), lines.toArray(String[]::new));
        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + file);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("written 250", "skipped 0");
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks")).isEqualTo(240);
        assertThat(Sqlite.strings(market(), "SELECT open_price FROM candlesticks WHERE open_time IN "
                + "('2025-01-01 00:00:00.000000', '2025-01-06 04:00:00.000000', '2025-01-07 01:00:00.000000', "
                + "'2025-01-10 23:00:00.000000') ORDER BY open_time"))
                .containsExactly("100.0", "224.0", "245.25", "339.0");
        // 100 + i for the 240 candles, plus 0.25 for each of the ten repeated
        assertThat(Sqlite.strings(market(), "SELECT sum(open_price) FROM candlesticks")).containsExactly("52682.5");
    }

    @Test
    void nanosecondTimesLoadAndTimesOutsideTheWindowAreRejectedLines() throws Exception {
        long ns = 1_000_000L; // ms to ns
        Path file = CandleFiles.write(dir.resolve("in/ETHUSDT-1h-2025-01.csv"), "open_time,open,high,low,close,volume",
                T0 * ns + ",10,12,9,11,5",
                "+12025-01-01T00:00:00Z,10,12,9,11,5",       // line 3: a year the models cannot read
                (T0 + H) * ns + ",11,13,10,12,6",
                "1e20,10,12,9,11,5",                          // line 5: nanoseconds far beyond 2100
                (T0 + 2 * H) * ns + ",12,13,11,12,6",
                "99999999999999999999,10,12,9,11,5",          // line 7: does not fit a long
                "1969-12-31T23:00:00Z,10,12,9,11,5",          // line 8: before 1970
                (T0 + 3 * H) * ns + ",13,14,12,13,6");
        TestEnvironment env = new TestEnvironment(dir);
        Result r = env.run("run", "candle-import", "file=" + file);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("written 4", "skipped 4");
        assertThat(Sqlite.strings(market(), "SELECT open_time || '|' || close_time FROM candlesticks ORDER BY open_time"))
                .containsExactly("2025-01-01 00:00:00.000000|2025-01-01 00:59:59.999000",
                        "2025-01-01 01:00:00.000000|2025-01-01 01:59:59.999000",
                        "2025-01-01 02:00:00.000000|2025-01-01 02:59:59.999000",
                        "2025-01-01 03:00:00.000000|2025-01-01 03:59:59.999000");
        List<String> rejects = Files.readAllLines(dir.resolve("data/rejects/candle-import-1.csv"));
        assertThat(rejects.subList(1, rejects.size())).satisfiesExactly(
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,3,open_time: '+12025-01-01T00:00:00Z' is outside the accepted time window"),
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,5,open_time: '1e20' (epoch nanoseconds) is outside"),
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,7,open_time: '99999999999999999999'").contains("outside"),
                l -> assertThat(l).startsWith("ETHUSDT-1h-2025-01.csv,8,open_time: '1969-12-31T23:00:00Z' is outside"));

        // time-unit=ns forces the unit: the same numbers as a headerless file
        Path forced = CandleFiles.write(dir.resolve("sol.csv"), T0 * ns + ",1,2,1,2,3", (T0 + H) * ns + ",2,3,2,3,4");
        Result f = env.run("run", "candle-import", "file=" + forced, "symbol=SOLUSDT", "interval=1h", "time-unit=ns",
                "columns=open_time,open,high,low,close,volume");
        assertThat(f.exitCode()).as(f.toString()).isZero();
        assertThat(Sqlite.strings(market(), "SELECT open_time FROM candlesticks WHERE symbol = 'SOLUSDT' ORDER BY open_time"))
                .containsExactly("2025-01-01 00:00:00.000000", "2025-01-01 01:00:00.000000");
    }

    @Test
    void aByteOrderMarkIsDroppedAndAByteThatIsNotUtf8RejectsOnlyItsLine() throws Exception {
        String text = "open_time,open,high,low,close,volume\n" + String.join("\n",
                T0 + ",10,12,9,11,5", (T0 + H) + ",11,13,10,12,6", (T0 + 2 * H) + ",12,13,11,12,6",
                (T0 + 3 * H) + ",13,14,12,13,6", (T0 + 4 * H) + ",13,14,12,13,6", (T0 + 5 * H) + ",13,14,12,13,6") + "\n";
        Path bom = dir.resolve("in/BTCUSDT-1h-bom.csv");
        Files.createDirectories(bom.getParent());
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        Path bad = dir.resolve("in/ETHUSDT-1h-bad.csv");
        // line 3 holds 0xFF, a byte UTF-8 never uses
        Files.write(bad, text.replace(",11,13,10,12,6", ",11,13,10,12,6\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        byte[] bytes = Files.readAllBytes(bad);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) 0xE9) {
                bytes[i] = (byte) 0xFF;
            }
        }
        Files.write(bad, bytes);

        Result r = new TestEnvironment(dir).run("run", "candle-import", "file=" + dir.resolve("in"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks WHERE symbol = 'BTCUSDT'")).isEqualTo(6);
        assertThat(Sqlite.count(market(), "SELECT count(*) FROM candlesticks WHERE symbol = 'ETHUSDT'")).isEqualTo(5);
        List<String> rejects = Files.readAllLines(dir.resolve("data/rejects/candle-import-1.csv"));
        assertThat(rejects.subList(1, rejects.size())).singleElement().asString()
                .startsWith("ETHUSDT-1h-bad.csv,3,byte 0xFF at byte 28 of the line is not UTF-8");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void missingOrUnknownParametersExitTwo() {
        TestEnvironment env = new TestEnvironment(dir);
        Result missing = env.run("run", "candle-import");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing required parameter file", "time-unit", "skip-limit");
        Result badInterval = env.run("run", "candle-import", "file=x.csv", "interval=2h");
        assertThat(badInterval.exitCode()).isEqualTo(2);
        assertThat(badInterval.err()).contains("parameter interval", "1m|5m|15m|1h|4h|1d");
        Result noFile = env.run("run", "candle-import", "file=" + dir.resolve("nothing-here.csv"));
        assertThat(noFile.exitCode()).isEqualTo(1);
        assertThat(noFile.out()).contains("no such file or folder");
    }
}
