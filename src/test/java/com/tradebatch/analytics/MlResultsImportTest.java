package com.tradebatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.common.TradingTime;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** ml-results-import: load, reject, idempotent reload, and the validation rules against hand-made candles. */
class MlResultsImportTest {

    @TempDir
    Path dir;

    @Test
    void loadsPredictionsAndValidatesThoseWhoseCandleHasClosed() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats", "databases=market").exitCode()).isZero(); // creates the stores
        Path market = dir.resolve("data/market_data.db");
        double[] closes = {100, 101, 99, 102, 102, 105}; // BTCUSDT 1h, 2025-01-01 00:00 .. 05:00
        for (int h = 0; h < closes.length; h++) {
            // stored without a fraction, as the system's server default writes: must still be found
            Sqlite.exec(market, String.format(java.util.Locale.ROOT, "INSERT INTO candlesticks (symbol, interval,"
                    + " open_time, close_time, open_price, high_price, low_price, close_price, volume) VALUES ('BTCUSDT',"
                    + " '1h', '2025-01-01 %02d:00:00', '2025-01-01 %02d:59:59.999000', 1, 1, 1, %s, 1)", h, h, closes[h]));
        }
        String future = DateTimeFormatter.ISO_INSTANT.format(Instant.now().plus(Duration.ofDays(1)));
        String header = "model_name,model_version,symbol,interval,prediction_timestamp,prediction_type,predicted_value,confidence,prediction_data";
        Files.writeString(dir.resolve("ml.csv"), String.join("\n", header,
                "lstm,v1,BTCUSDT,1h,2025-01-01T02:00:00Z,direction,1,70,", // 2: target 02:00 (99) vs ref 01:00 (101): down, wrong
                "lstm,v1,BTCUSDT,1h,2025-01-01T02:30:00Z,direction,1,60,\"{\"\"horizon\"\": 2}\"", // 3: 04:00 (102) vs 02:00 (99): up, right
                "lstm,v1,BTCUSDT,1h,2025-01-01T03:00:00Z,price,102.3,,", // 4: 03:00 closes 102, |0.3| <= 0.51: right
                "lstm,v2,BTCUSDT,1h,2025-01-01T04:00:00Z,price,104,,", // 5: 04:00 closes 102, error 2: wrong
                "lstm,v1,BTCUSDT,1h,2025-01-01T05:00:00Z,direction,-0.4,,\"{\"\"current_price\"\": 106}\"", // 6: 105 < 106: right
                "lstm,v1,BTCUSDT,1h,2025-01-01T06:00:00Z,price,100,,", // 7: candle missing
                "lstm,v1,BTCUSDT,1h," + future + ",price,100,,", // 8: horizon not passed
                "lstm,v1,BTCUSDT,1h,2025-01-01T02:00:00Z,volatility,0.2,,", // 9: type not validated
                "lstm,v1,BTCUSDT,1h,2025-01-01T02:00:00Z,price,n/a,,")); // 10: rejected

        Result r = env.run("run", "ml-results-import", "file=ml.csv", "confidence-scale=100");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ml_model_results: 8 inserted, 0 updated, 0 unchanged",
                "validation: 5 predictions validated (3 correct); not yet: 1 horizon not passed, 1 candle missing;"
                        + " 1 of a type that is not validated", "1 rejected rows written to");
        assertThat(Files.readString(reject())).contains("ml.csv,10,predicted_value is not a number: 'n/a'");
        Path db = dir.resolve("data/analytics.db");
        assertThat(Sqlite.strings(db, "SELECT prediction_timestamp || '|' || prediction_type || '|' || model_version"
                + " || '|' || ifnull(confidence, '-') || '|' || ifnull(actual_value, '-') || '|' || ifnull(prediction_error, '-')"
                + " || '|' || ifnull(is_correct, '-') FROM ml_model_results ORDER BY id")).containsExactly(
                "2025-01-01 02:00:00.000000|direction|v1|0.7|-1.0|2.0|0",
                "2025-01-01 02:30:00.000000|direction|v1|0.6|1.0|0.0|1",
                "2025-01-01 03:00:00.000000|price|v1|-|102.0|" + (102.3 - 102) + "|1",
                "2025-01-01 04:00:00.000000|price|v2|-|102.0|2.0|0",
                "2025-01-01 05:00:00.000000|direction|v1|-|-1.0|0.0|1",
                "2025-01-01 06:00:00.000000|price|v1|-|-|-|-",
                TradingTime.format(Instant.parse(future)) + "|price|v1|-|-|-|-",
                "2025-01-01 02:00:00.000000|volatility|v1|-|-|-|-");
        for (String row : Sqlite.strings(db, "SELECT prediction_timestamp || '|' || validation_timestamp || '|'"
                + " || time_to_validation_hours FROM ml_model_results WHERE validation_timestamp IS NOT NULL")) {
            String[] f = row.split("\\|");
            double hours = Duration.between(TradingTime.parse(f[0]), TradingTime.parse(f[1])).toNanos() / 3.6e12;
            assertThat(Double.parseDouble(f[2])).isCloseTo(hours, within(1e-6));
        }

        String before = String.join("\n", Sqlite.strings(db, "SELECT * FROM ml_model_results ORDER BY id"));
        Result again = env.run("run", "ml-results-import", "file=ml.csv", "confidence-scale=100");
        assertThat(again.out()).as(again.toString()).contains("ml_model_results: 0 inserted, 0 updated, 8 unchanged",
                "validation: 0 predictions validated");
        assertThat(String.join("\n", Sqlite.strings(db, "SELECT * FROM ml_model_results ORDER BY id"))).isEqualTo(before);

        // a corrected prediction: its old validation is cleared and it is judged again
        Files.writeString(dir.resolve("fix.jsonl"), "{\"model_name\":\"lstm\",\"model_version\":\"v2\",\"symbol\":\"BTCUSDT\","
                + "\"interval\":\"1h\",\"prediction_timestamp\":1735704000,\"prediction_type\":\"price\",\"predicted_value\":102.4}\n");
        Result fix = env.run("run", "ml-results-import", "file=fix.jsonl");
        assertThat(fix.out()).as(fix.toString()).contains("0 inserted, 1 updated", "validation: 1 predictions validated (1 correct)");
        assertThat(Sqlite.strings(db, "SELECT actual_value || '|' || is_correct FROM ml_model_results WHERE model_version = 'v2'"))
                .containsExactly("102.0|1");
        assertThat(Sqlite.count(db, "SELECT count(*) FROM ml_model_results")).isEqualTo(8);
    }

    @Test
    void aPredictionThatCannotBeJudgedIsCountedAndMarkedAndDoesNotStopLaterRuns() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats", "databases=market").exitCode()).isZero(); // creates the stores
        Path market = dir.resolve("data/market_data.db");
        Path db = dir.resolve("data/analytics.db");
        for (int h = 0; h < 3; h++) { // the series starts at 00:00: no candle before the first one
            Sqlite.exec(market, String.format(java.util.Locale.ROOT, "INSERT INTO candlesticks (symbol, interval,"
                    + " open_time, close_time, open_price, high_price, low_price, close_price, volume) VALUES ('BTCUSDT',"
                    + " '1h', '2025-01-01 %02d:00:00.000000', '2025-01-01 %02d:59:59.999000', 1, 1, 1, %d, 1)", h, h, 100 + h));
        }
        // a row an older load stored with a year the models cannot read
        Sqlite.exec(db, "INSERT INTO ml_model_results (model_name, model_version, symbol, interval, prediction_timestamp,"
                + " prediction_type, predicted_value) VALUES ('old', 'v0', 'BTCUSDT', '1h', '+56974-01-01 00:00:00.000000',"
                + " 'price', 1)");
        String header = "model_name,model_version,symbol,interval,prediction_timestamp,prediction_type,predicted_value";
        Files.writeString(dir.resolve("start.csv"), String.join("\n", header,
                "lstm,v1,BTCUSDT,1h,2025-01-01T00:00:00Z,direction,1", // no 23:00 candle to compare with
                "lstm,v1,BTCUSDT,1h,2025-01-01T01:00:00Z,direction,1")); // 01:00 (101) vs 00:00 (100): up, right

        Result first = env.run("run", "ml-results-import", "file=start.csv");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("COMPLETED", "validation: 1 predictions validated (1 correct)",
                "2 not judgeable (marked validated without a verdict): 1 no candle before the first one to compare the"
                        + " direction with (a gap or the start of the series); 1 prediction_timestamp is not a DateTime");
        assertThat(Sqlite.strings(db, "SELECT model_name || '|' || prediction_timestamp || '|' || (validation_timestamp"
                + " IS NOT NULL) || '|' || ifnull(is_correct, '-') || '|' || ifnull(actual_value, '-') FROM ml_model_results"
                + " ORDER BY id")).containsExactly("old|+56974-01-01 00:00:00.000000|1|-|-",
                "lstm|2025-01-01 00:00:00.000000|1|-|-", "lstm|2025-01-01 01:00:00.000000|1|1|1.0");

        // the next import, of another file, is not held up by the rows above: they are not picked up again
        Files.writeString(dir.resolve("next.csv"), String.join("\n", header,
                "lstm,v1,BTCUSDT,1h,2025-01-01T02:00:00Z,price,102"));
        Result next = env.run("run", "ml-results-import", "file=next.csv");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("validation: 1 predictions validated (1 correct)", "0 not judgeable");
    }

    @Test
    void nanosecondTimesLoadAndTimesOutsideTheWindowAreRejectedLines() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        String row = "lstm,v1,BTCUSDT,1h,%s,price,100";
        Files.writeString(dir.resolve("ml.csv"), String.join("\n",
                "model_name,model_version,symbol,interval,prediction_timestamp,prediction_type,predicted_value",
                row.formatted("1735787045000000000"),      // line 2: nanoseconds
                row.formatted("+12025-01-01T00:00:00Z"),   // line 3
                row.formatted("1e20"),                     // line 4
                row.formatted("99999999999999999999"),     // line 5
                row.formatted("1969-12-31T23:59:59Z"),     // line 6
                row.formatted("2025-01-02T04:00:00Z")));   // line 7

        Result r = env.run("run", "ml-results-import", "file=ml.csv");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ml_model_results: 2 inserted", "4 rejected rows written to");
        Path db = dir.resolve("data/analytics.db");
        assertThat(Sqlite.strings(db, "SELECT prediction_timestamp FROM ml_model_results ORDER BY prediction_timestamp"))
                .containsExactly("2025-01-02 03:04:05.000000", "2025-01-02 04:00:00.000000");
        List<String> rejects = Files.readAllLines(reject());
        assertThat(rejects.subList(1, rejects.size())).satisfiesExactly(
                l -> assertThat(l).contains("ml.csv,3,prediction_timestamp: '+12025-01-01T00:00:00Z' is outside the accepted"),
                l -> assertThat(l).contains("ml.csv,4,prediction_timestamp: '1e20' (epoch nanoseconds) is outside"),
                l -> assertThat(l).contains("ml.csv,5,prediction_timestamp: '99999999999999999999'", "outside"),
                l -> assertThat(l).contains("ml.csv,6,prediction_timestamp: '1969-12-31T23:59:59Z' is outside"));
    }

    @Test
    void aByteOrderMarkIsDroppedAndAByteThatIsNotUtf8RejectsOnlyItsLine() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        String row = "{\"model_name\":\"%s\",\"model_version\":\"v1\",\"symbol\":\"BTCUSDT\",\"interval\":\"1h\","
                + "\"prediction_timestamp\":\"2025-01-02T01:00:00Z\",\"prediction_type\":\"volatility\",\"predicted_value\":1}";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // byte order mark
        bytes.write((row.formatted("a") + "\n" + row.formatted("b")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0x80}); // line 2: a continuation byte on its own
        bytes.write(("\n" + row.formatted("c") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(dir.resolve("ml.jsonl"), bytes.toByteArray());

        Result r = env.run("run", "ml-results-import", "file=ml.jsonl");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Sqlite.strings(dir.resolve("data/analytics.db"), "SELECT model_name FROM ml_model_results ORDER BY id"))
                .containsExactly("a", "c");
        assertThat(Files.readAllLines(reject())).anySatisfy(l -> assertThat(l).contains("ml.jsonl,2,byte 0x80 at byte")
                .contains("is not UTF-8"));
    }

    private Path reject() throws Exception {
        try (var files = Files.list(dir.resolve("data/rejects"))) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
