package com.tradebatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** pattern-import through the command line: formats, scale, validation and rejects, idempotent reload, updates. */
class PatternImportTest {

    @TempDir
    Path dir;

    private static final String ROWS = "SELECT symbol || '|' || interval || '|' || pattern_type || '|' || pattern_name"
            + " || '|' || detected_at || '|' || pattern_start || '|' || ifnull(pattern_end, '-') || '|' || confidence_score"
            + " || '|' || ifnull(entry_price, '-') || '|' || ifnull(pattern_data, '-') || '|' || status || '|'"
            + " || ifnull(actual_result, '-') || '|' || ifnull(actual_pnl, '-') FROM pattern_cache ORDER BY symbol, detected_at";

    @Test
    void loadsJsonLinesAndCsvRejectsBadLinesAndReloadsWithoutDuplicates() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), String.join("\n",
                "{\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"pattern_type\":\"reversal\",\"pattern_name\":\"double_bottom\","
                        + "\"detected_at\":\"2025-01-02T03:00:00Z\",\"pattern_start\":\"2025-01-01T20:00:00+01:00\","
                        + "\"confidence_score\":80,\"entry_price\":42000.5,\"pattern_data\":{\"lows\":[1,2]}}",
                "",
                "{\"symbol\":\"ETHUSDT\",\"interval\":\"15m\",\"pattern_type\":\"breakout\",\"pattern_name\":\"flag\","
                        + "\"detected_at\":1735786800,\"pattern_start\":1735786800000,\"pattern_end\":\"2025-01-02T03:15:00Z\","
                        + "\"confidence_score\":\"55\",\"pattern_data\":\"{\\\"pole\\\": 3}\",\"status\":\"completed\","
                        + "\"actual_result\":\"hit\",\"actual_pnl\":12.5}",
                "{\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"pattern_type\":\"reversal\"", // line 4: broken JSON
                "{\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"pattern_type\":\"reversal\",\"pattern_name\":\"x\","
                        + "\"detected_at\":\"2025-01-02T04:00:00Z\",\"pattern_start\":\"2025-01-02T04:00:00Z\","
                        + "\"confidence_score\":101}", // line 5: above the scale
                "{\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"pattern_name\":\"x\",\"detected_at\":\"2025-01-02T04:00:00Z\","
                        + "\"pattern_start\":\"2025-01-02T04:00:00Z\",\"confidence_score\":1}")); // line 6: no pattern_type
        Files.writeString(in.resolve("b.csv"), String.join("\n",
                "symbol,interval,pattern_type,pattern_name,detected_at,pattern_start,confidence_score,pattern_data,status",
                "SOLUSDT,4h,continuation,triangle,2025-01-03 08:00:00+00:00,2025-01-03T00:00:00Z,70,\"{\"\"apex\"\": 1.5}\",",
                "SOLUSDT,4h,continuation,triangle,2025-01-03 12:00:00,2025-01-03T00:00:00Z,70,,", // line 3: no offset
                "SOLUSDT,4h,continuation,triangle,2025-01-03T16:00:00Z,2025-01-03T00:00:00Z,70,{not json},", // line 4
                "SOLUSDT,4h,continuation,wedge,2025-01-03T20:00:00Z,2025-01-03T00:00:00Z,abc,,")); // line 5

        Result r = env.run("run", "pattern-import", "file=in", "confidence-scale=100");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("read 8", "written 3", "skipped 6",
                "pattern_cache: 3 inserted, 0 updated, 0 unchanged", "6 rejected rows written to");
        assertThat(Sqlite.strings(dbFile(), ROWS)).containsExactly(
                "BTCUSDT|1h|reversal|double_bottom|2025-01-02 03:00:00.000000|2025-01-01 19:00:00.000000|-|0.8|42000.5|{\"lows\":[1,2]}|active|-|-",
                "ETHUSDT|15m|breakout|flag|2025-01-02 03:00:00.000000|2025-01-02 03:00:00.000000|2025-01-02 03:15:00.000000|0.55|-|{\"pole\":3}|completed|hit|12.5",
                "SOLUSDT|4h|continuation|triangle|2025-01-03 08:00:00.000000|2025-01-03 00:00:00.000000|-|0.7|-|{\"apex\":1.5}|active|-|-");

        List<String> rejects = Files.readAllLines(rejectFile());
        assertThat(rejects.get(0)).isEqualTo("source_file,line_number,reason,raw_line");
        assertThat(rejects).hasSize(7); // header + one row per bad line, each once
        assertThat(String.join("\n", rejects))
                .containsPattern("a\\.jsonl,4,not valid JSON")
                .containsPattern("a\\.jsonl,5,confidence_score 101.0 is outside 0-100")
                .containsPattern("a\\.jsonl,6,missing required column\\(s\\) pattern_type")
                .containsPattern("b\\.csv,3,detected_at: '2025-01-03 12:00:00' is not an ISO-8601 time with an offset")
                .containsPattern("b\\.csv,4,pattern_data is not valid JSON")
                .containsPattern("b\\.csv,5,confidence_score is not a number");

        String before = String.join("\n", Sqlite.strings(dbFile(), "SELECT id || updated_at FROM pattern_cache ORDER BY id"));
        Result again = env.run("run", "pattern-import", "file=in", "confidence-scale=100");
        assertThat(again.out()).as(again.toString()).contains("pattern_cache: 0 inserted, 0 updated, 3 unchanged");
        assertThat(String.join("\n", Sqlite.strings(dbFile(), "SELECT id || updated_at FROM pattern_cache ORDER BY id")))
                .isEqualTo(before);

        // a later file: the outcome of a pattern is known; empty values keep what the row has
        Files.writeString(dir.resolve("later.csv"), String.join("\n",
                "symbol,interval,pattern_type,pattern_name,detected_at,pattern_start,confidence_score,status,actual_result,actual_pnl,entry_price",
                "BTCUSDT,1h,reversal,double_bottom,2025-01-02T03:00:00Z,2025-01-01T19:00:00Z,0.8,completed,miss,-20.25,"));
        Result later = env.run("run", "pattern-import", "file=later.csv");
        assertThat(later.out()).as(later.toString()).contains("pattern_cache: 0 inserted, 1 updated, 0 unchanged");
        assertThat(Sqlite.strings(dbFile(), ROWS).get(0)).isEqualTo(
                "BTCUSDT|1h|reversal|double_bottom|2025-01-02 03:00:00.000000|2025-01-01 19:00:00.000000|-|0.8|42000.5|{\"lows\":[1,2]}|completed|miss|-20.25");
        assertThat(Sqlite.count(dbFile(), "SELECT count(*) FROM pattern_cache")).isEqualTo(3);
    }

    @Test
    void morePastTheSkipLimitFailsTheJobAndAMissingCsvColumnFailsAtOnce() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1200; i++) { // bad lines 3, 700 and 1100: spread over chunks of 500
            boolean bad = i == 2 || i == 699 || i == 1099;
            lines.append("{\"symbol\":\"BTCUSDT\",\"interval\":\"1m\",\"pattern_type\":\"t\",\"pattern_name\":\"n\",")
                    .append("\"detected_at\":").append(1735689600 + i * 60L).append(",\"pattern_start\":")
                    .append(1735689600 + i * 60L).append(",\"confidence_score\":").append(bad ? "2" : "0.5").append("}\n");
        }
        Files.writeString(dir.resolve("p.jsonl"), lines);

        Result failed = env.run("run", "pattern-import", "file=p.jsonl", "skip-limit=2");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED", "p.jsonl line 1100: more than skip-limit=2 bad rows");
        assertThat(Files.readAllLines(rejectFile())).hasSize(3); // header + the two skipped
        assertThat(Sqlite.count(dbFile(), "SELECT count(*) FROM pattern_cache")).isEqualTo(998); // two chunks committed

        // the line fixed, the same command resumes after the last committed chunk (line 1000)
        List<String> fixed = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("p.jsonl")));
        fixed.set(1099, fixed.get(1099).replace("\"confidence_score\":2", "\"confidence_score\":0.9"));
        Files.write(dir.resolve("p.jsonl"), fixed);
        Result resumed = env.run("run", "pattern-import", "file=p.jsonl", "skip-limit=2");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("read 200", "pattern_cache: 200 inserted, 0 updated, 0 unchanged");
        assertThat(Sqlite.count(dbFile(), "SELECT count(*) FROM pattern_cache")).isEqualTo(1198);

        Files.writeString(dir.resolve("bad.csv"), "symbol,interval,pattern_name\nBTCUSDT,1h,x\n");
        Result header = env.run("run", "pattern-import", "file=bad.csv");
        assertThat(header.exitCode()).isEqualTo(1);
        assertThat(header.out()).contains("the CSV header lacks the required column(s) confidence_score, detected_at,"
                + " pattern_start, pattern_type");
        assertThat(env.run("run", "pattern-import", "file=nothing*.csv").out()).contains("file=nothing*.csv: no file matches");
        Result badScale = env.run("run", "pattern-import", "file=bad.csv", "confidence-scale=10");
        assertThat(badScale.exitCode()).isEqualTo(2);
        assertThat(badScale.err()).contains("parameter confidence-scale");
    }

    @Test
    void nanosecondTimesLoadAndTimesOutsideTheWindowAreRejectedLines() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        String row = "BTCUSDT,1h,reversal,double_top,%s,2025-01-02T00:00:00Z,0.5";
        Files.writeString(dir.resolve("p.csv"), String.join("\n",
                "symbol,interval,pattern_type,pattern_name,detected_at,pattern_start,confidence_score",
                row.formatted("1735787045000000000"),      // line 2: nanoseconds
                row.formatted("+12025-01-01T00:00:00Z"),   // line 3
                row.formatted("1e20"),                     // line 4
                row.formatted("99999999999999999999"),     // line 5
                row.formatted("1969-12-31T23:59:59Z"),     // line 6
                row.formatted("2025-01-02T04:00:00Z")));   // line 7

        Result r = env.run("run", "pattern-import", "file=p.csv");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("written 2", "skipped 4");
        assertThat(Sqlite.strings(dbFile(), "SELECT detected_at FROM pattern_cache ORDER BY detected_at"))
                .containsExactly("2025-01-02 03:04:05.000000", "2025-01-02 04:00:00.000000");
        List<String> rejects = Files.readAllLines(rejectFile());
        assertThat(rejects.subList(1, rejects.size())).satisfiesExactly(
                l -> assertThat(l).contains("p.csv,3,detected_at: '+12025-01-01T00:00:00Z' is outside the accepted time window"),
                l -> assertThat(l).contains("p.csv,4,detected_at: '1e20' (epoch nanoseconds) is outside"),
                l -> assertThat(l).contains("p.csv,5,detected_at: '99999999999999999999'", "outside"),
                l -> assertThat(l).contains("p.csv,6,detected_at: '1969-12-31T23:59:59Z' is outside"));
    }

    @Test
    void aByteOrderMarkIsDroppedAndAByteThatIsNotUtf8RejectsOnlyItsLine() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        String row = "{\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"pattern_type\":\"reversal\",\"pattern_name\":\"%s\","
                + "\"detected_at\":\"2025-01-02T0%d:00:00Z\",\"pattern_start\":\"2025-01-02T00:00:00Z\",\"confidence_score\":0.5}";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // byte order mark
        bytes.write((row.formatted("top", 1) + "\n" + row.formatted("bot", 2)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // line 2: a lead byte without its continuation
        bytes.write(("\n" + row.formatted("flag", 3) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(dir.resolve("p.jsonl"), bytes.toByteArray());

        Result r = env.run("run", "pattern-import", "file=p.jsonl");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Sqlite.strings(dbFile(), "SELECT pattern_name FROM pattern_cache ORDER BY detected_at"))
                .containsExactly("top", "flag");
        List<String> rejects = Files.readAllLines(rejectFile());
        assertThat(rejects.subList(1, rejects.size())).singleElement().asString()
                .contains("p.jsonl,2,byte 0xC3 at byte 183 of the line is not UTF-8");
    }

    private Path dbFile() {
        return dir.resolve("data/analytics.db");
    }

    private Path rejectFile() throws Exception {
        try (var files = Files.list(dir.resolve("data/rejects"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("pattern-import-")).sorted().findFirst()
                    .orElseThrow();
        }
    }
}
