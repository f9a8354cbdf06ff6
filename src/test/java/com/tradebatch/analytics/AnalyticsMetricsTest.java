package com.tradebatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * analytics-metrics over generated rows in the three databases; every value is checked against one this test
 * computes itself from the same raw rows (plain loops and sorting, not the job's classes).
 */
class AnalyticsMetricsTest {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 0, 0); // a Saturday
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};

    @TempDir
    Path dir;

    // the raw rows, as generated
    record Position(String symbol, String status, String closedAt, Double pnl) {}
    record Snapshot(String at, double balance) {}
    record Execution(String symbol, String createdAt, Double s2o, Double o2f, Double total, Double slip, double qty, Double filled) {}
    record Pattern(String symbol, String type, String detectedAt, double confidence, String result, Double pnl) {}
    record Prediction(String symbol, String model, String version, String at, String type, Integer correct, Double error) {}
    record Candle(String symbol, String interval, String openTime, double open, double close, double volume) {}

    final List<Position> positions = new ArrayList<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    final List<Execution> executions = new ArrayList<>();
    final List<Pattern> patterns = new ArrayList<>();
    final List<Prediction> predictions = new ArrayList<>();
    final List<Candle> candles = new ArrayList<>();

    @Test
    void computesEveryMetricAsTheRawRowsSayAndRecomputingReplaces() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats", "databases=trading").exitCode()).isZero(); // creates the stores
        generate(new Random(42));
        insertAll();

        Result r = env.run("run", "analytics-metrics", "from=2025-03-01", "to=2025-03-02");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("analytics_metrics: 2 periods");

        Map<String, double[]> expected = new TreeMap<>();
        for (int day = 0; day < 2; day++) {
            expect(expected, "day", T0.plusDays(day), T0.plusDays(day + 1), true);
        }
        assertThat(expected).hasSizeGreaterThan(180); // every type, per symbol and global, both days
        Map<String, double[]> actual = stored("day");
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((k, v) -> {
            double[] a = actual.get(k);
            assertThat(a[0]).as(k + " value").isCloseTo(v[0], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(v[0]))));
            assertThat(a[1]).as(k + " secondary_value").isCloseTo(v[1], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(v[1]))));
        });
        // the breakdown of a pattern count row: confidence buckets that add up to the count
        JsonNode details = JsonMapper.builder().build().readTree(Sqlite.strings(db(), "SELECT details FROM analytics_metrics"
                + " WHERE metric_name = 'count:breakout' AND symbol IS NULL AND period_start = '2025-03-01 00:00:00.000000'").get(0));
        long bucketSum = 0;
        for (var e : details.path("confidence_buckets").properties()) {
            bucketSum += e.getValue().asLong();
        }
        assertThat(bucketSum).isEqualTo((long) expected.get("pattern|count:breakout|*|2025-03-01 00:00:00.000000")[0]);
        assertThat(Sqlite.strings(db(), "SELECT DISTINCT period_end FROM analytics_metrics WHERE period_start = '2025-03-01 00:00:00.000000'"))
                .containsExactly("2025-03-02 00:00:00.000000");

        // recomputing replaces: same rows, no duplicates; a symbol-only run leaves the global rows alone
        long rows = Sqlite.count(db(), "SELECT count(*) FROM analytics_metrics");
        assertThat(env.run("run", "analytics-metrics", "from=2025-03-01", "to=2025-03-02").exitCode()).isZero();
        assertThat(Sqlite.count(db(), "SELECT count(*) FROM analytics_metrics")).isEqualTo(rows);
        assertThat(stored("day")).containsOnlyKeys(expected.keySet());
        Result one = env.run("run", "analytics-metrics", "from=2025-03-02", "to=2025-03-02", "symbols=BTCUSDT");
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(Sqlite.count(db(), "SELECT count(*) FROM analytics_metrics")).isEqualTo(rows);
        assertThat(Sqlite.count(db(), "SELECT count(DISTINCT calculated_at) FROM analytics_metrics WHERE symbol IS NULL"
                + " AND period_start = '2025-03-02 00:00:00.000000'")).isEqualTo(1);

        // a week: the ISO week that holds 2025-03-01 starts on Monday 2025-02-24
        Result week = env.run("run", "analytics-metrics", "from=2025-03-01", "to=2025-03-01", "period=week");
        assertThat(week.exitCode()).as(week.toString()).isZero();
        Map<String, double[]> weekExpected = new TreeMap<>();
        expect(weekExpected, "week", LocalDateTime.of(2025, 2, 24, 0, 0), LocalDateTime.of(2025, 3, 3, 0, 0), true);
        assertThat(stored("week").keySet()).containsExactlyElementsOf(weekExpected.keySet());
        assertThat(stored("week").get("trading|trade_count|*|2025-02-24 00:00:00.000000")[0])
                .isEqualTo(weekExpected.get("trading|trade_count|*|2025-02-24 00:00:00.000000")[0]);

        Result backwards = env.run("run", "analytics-metrics", "from=2025-03-02", "to=2025-03-01");
        assertThat(backwards.exitCode()).isEqualTo(1);
        assertThat(backwards.out()).contains("to=2025-03-01 is before from=2025-03-02");
    }

    private Path db() {
        return dir.resolve("data/analytics.db");
    }

    /** key "type|name|symbol or *|period_start" -> {value, secondary_value} */
    private Map<String, double[]> stored(String timeframe) {
        Map<String, double[]> m = new TreeMap<>();
        for (String row : Sqlite.strings(db(), "SELECT metric_type || '|' || metric_name || '|' || ifnull(symbol, '*') || '|'"
                + " || period_start || '|' || value || '|' || ifnull(secondary_value, 'NaN') FROM analytics_metrics"
                + " WHERE timeframe = '" + timeframe + "'")) {
            String[] f = row.split("\\|");
            String key = f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3];
            assertThat(m.put(key, new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])})).as("duplicate " + key).isNull();
        }
        return m;
    }

    // ---------------------------------------------------------------- expected values, computed naively

    private void expect(Map<String, double[]> out, String timeframe, LocalDateTime from, LocalDateTime to, boolean global) {
        String start = from.format(TEXT);
        String lo = from.format(TEXT).substring(0, 19);
        String hi = to.format(TEXT).substring(0, 19);
        Predicate<String> in = t -> t != null && t.compareTo(lo) >= 0 && t.compareTo(hi) < 0;
        List<String> groups = new ArrayList<>(Arrays.asList(SYMBOLS));
        groups.add(null);
        for (String g : groups) {
            Predicate<String> sym = s -> g == null || g.equals(s);
            String key = g == null ? "*" : g;
            // trading
            List<Position> closed = positions.stream().filter(p -> p.status.equals("CLOSED") && in.test(p.closedAt) && sym.test(p.symbol)).toList();
            if (!closed.isEmpty()) {
                List<Double> pnl = closed.stream().filter(p -> p.pnl != null).map(p -> p.pnl).toList();
                List<Double> wins = pnl.stream().filter(v -> v > 0).toList();
                List<Double> losses = pnl.stream().filter(v -> v < 0).toList();
                double sumWins = wins.stream().mapToDouble(d -> d).sum();
                double sumLosses = losses.stream().mapToDouble(d -> d).sum();
                put(out, "trading|trade_count|" + key, start, closed.size(), pnl.size());
                put(out, "trading|realized_pnl|" + key, start, pnl.stream().mapToDouble(d -> d).sum(), pnl.size());
                if (!pnl.isEmpty()) put(out, "trading|win_rate|" + key, start, (double) wins.size() / pnl.size(), pnl.size());
                if (!wins.isEmpty()) put(out, "trading|avg_win|" + key, start, sumWins / wins.size(), wins.size());
                if (!losses.isEmpty()) {
                    put(out, "trading|avg_loss|" + key, start, sumLosses / losses.size(), losses.size());
                    put(out, "trading|profit_factor|" + key, start, sumWins / -sumLosses, sumWins);
                }
            }
            // execution
            List<Execution> ex = executions.stream().filter(e -> in.test(e.createdAt) && sym.test(e.symbol)).toList();
            if (!ex.isEmpty()) {
                String[] cols = {"signal_to_order_latency_ms", "order_to_fill_latency_ms", "total_latency_ms"};
                for (int c = 0; c < 3; c++) {
                    final int col = c;
                    double[] v = ex.stream().map(e -> col == 0 ? e.s2o : col == 1 ? e.o2f : e.total)
                            .filter(x -> x != null).mapToDouble(x -> x).sorted().toArray();
                    if (v.length == 0) continue;
                    put(out, "execution|" + cols[c] + "_p50|" + key, start, numpyPercentile(v, 50), v.length);
                    put(out, "execution|" + cols[c] + "_p95|" + key, start, numpyPercentile(v, 95), v.length);
                    put(out, "execution|" + cols[c] + "_p99|" + key, start, numpyPercentile(v, 99), v.length);
                    put(out, "execution|" + cols[c] + "_max|" + key, start, v[v.length - 1], v.length);
                }
                double[] slip = ex.stream().filter(e -> e.slip != null).mapToDouble(e -> e.slip).toArray();
                if (slip.length > 0) put(out, "execution|slippage_pct_avg|" + key, start, Arrays.stream(slip).average().orElseThrow(), slip.length);
                double q = ex.stream().mapToDouble(e -> e.qty).sum();
                double f = ex.stream().mapToDouble(e -> e.filled == null ? 0 : e.filled).sum();
                put(out, "execution|fill_rate|" + key, start, f / q, ex.size());
            }
            // pattern
            for (String type : new String[] {"breakout", "reversal"}) {
                List<Pattern> ps = patterns.stream().filter(p -> p.type.equals(type) && in.test(p.detectedAt) && sym.test(p.symbol)).toList();
                if (ps.isEmpty()) continue;
                List<Pattern> judged = ps.stream().filter(p -> p.result != null && !p.result.equals("pending")).toList();
                long hits = judged.stream().filter(p -> p.result.equalsIgnoreCase("hit") || p.result.equals("target_hit")).count();
                List<Double> pnl = ps.stream().filter(p -> p.pnl != null).map(p -> p.pnl).toList();
                put(out, "pattern|count:" + type + "|" + key, start, ps.size(), judged.size());
                if (!judged.isEmpty()) put(out, "pattern|hit_rate:" + type + "|" + key, start, (double) hits / judged.size(), judged.size());
                if (!pnl.isEmpty()) put(out, "pattern|avg_pnl:" + type + "|" + key, start, pnl.stream().mapToDouble(d -> d).average().orElseThrow(), pnl.size());
            }
            // ml
            for (String mv : new String[] {"m1/v1", "m2/v1"}) {
                List<Prediction> ps = predictions.stream().filter(p -> (p.model + "/" + p.version).equals(mv) && in.test(p.at) && sym.test(p.symbol)).toList();
                List<Prediction> judged = ps.stream().filter(p -> p.correct != null).toList();
                if (!judged.isEmpty()) put(out, "ml|accuracy:" + mv + "|" + key, start,
                        (double) judged.stream().filter(p -> p.correct == 1).count() / judged.size(), judged.size());
                double[] err = ps.stream().filter(p -> p.type.equals("price") && p.error != null).mapToDouble(p -> p.error).toArray();
                if (err.length > 0) {
                    put(out, "ml|mae:" + mv + "|" + key, start, Arrays.stream(err).map(Math::abs).average().orElseThrow(), err.length);
                    put(out, "ml|rmse:" + mv + "|" + key, start, Math.sqrt(Arrays.stream(err).map(e -> e * e).average().orElseThrow()), err.length);
                }
            }
            // market: per symbol only
            if (g != null) {
                List<Candle> cs = candles.stream().filter(c -> c.symbol.equals(g) && in.test(c.openTime)).toList();
                if (!cs.isEmpty()) {
                    double sq = 0;
                    for (int i = 1; i < cs.size(); i++) {
                        sq += Math.pow(Math.log(cs.get(i).close / cs.get(i - 1).close), 2);
                    }
                    put(out, "market|return:1h|" + key, start, cs.get(cs.size() - 1).close / cs.get(0).open - 1, cs.size());
                    put(out, "market|volatility:1h|" + key, start, Math.sqrt(sq), cs.size() - 1);
                    put(out, "market|volume:1h|" + key, start, cs.stream().mapToDouble(c -> c.volume).sum(), cs.size());
                }
            } else {
                // max drawdown of the balance, global only
                List<Snapshot> ss = snapshots.stream().filter(s -> in.test(s.at)).toList();
                if (!ss.isEmpty()) {
                    double peak = ss.get(0).balance;
                    double worst = 0;
                    double amount = 0;
                    for (Snapshot s : ss) {
                        peak = Math.max(peak, s.balance);
                        if ((peak - s.balance) / peak > worst) {
                            worst = (peak - s.balance) / peak;
                            amount = peak - s.balance;
                        }
                    }
                    put(out, "trading|max_drawdown|*", start, worst, amount);
                }
            }
        }
    }

    /** numpy.percentile(v, p) with the default method: (1 - g) x[j] + g x[j + 1], j + g = (n - 1) p / 100. */
    static double numpyPercentile(double[] sorted, double p) {
        double pos = (sorted.length - 1) * p / 100;
        int j = (int) pos;
        double g = pos - j;
        return j + 1 < sorted.length ? (1 - g) * sorted[j] + g * sorted[j + 1] : sorted[j];
    }

    private static void put(Map<String, double[]> out, String key, String start, double value, double secondary) {
        out.put(key + "|" + start, new double[] {value, secondary});
    }

    // ---------------------------------------------------------------- data

    private void generate(Random rnd) {
        for (int i = 0; i < 300; i++) {
            String symbol = SYMBOLS[rnd.nextInt(2)];
            LocalDateTime closed = T0.minusHours(12).plusMinutes(rnd.nextInt(3 * 24 * 60));
            String status = rnd.nextInt(10) == 0 ? "OPEN" : "CLOSED";
            // some times as the server default writes them, without a fraction
            String text = rnd.nextBoolean() ? closed.format(TEXT) : closed.format(TEXT).substring(0, 19);
            positions.add(new Position(symbol, status, status.equals("OPEN") ? null : text,
                    rnd.nextInt(8) == 0 ? null : Math.round((rnd.nextGaussian() * 50) * 100) / 100.0));
        }
        positions.add(new Position("BTCUSDT", "CLOSED", "2025-03-02 00:00:00", 7.0)); // on the boundary: 2 March
        double balance = 10_000;
        for (int h = -24; h < 4 * 24; h++) {
            balance += rnd.nextGaussian() * 100;
            snapshots.add(new Snapshot(T0.plusHours(h).format(TEXT), balance));
        }
        for (int i = 0; i < 3000; i++) {
            String symbol = SYMBOLS[rnd.nextInt(2)];
            String at = T0.minusHours(6).plusSeconds(rnd.nextInt(3 * 24 * 3600)).format(TEXT);
            Double s2o = rnd.nextInt(20) == 0 ? null : Math.abs(rnd.nextGaussian() * 30 + 40);
            Double o2f = rnd.nextInt(20) == 0 ? null : Math.abs(rnd.nextGaussian() * 200 + 100);
            Double total = s2o == null || o2f == null ? null : s2o + o2f;
            double qty = 1 + rnd.nextInt(10);
            executions.add(new Execution(symbol, at, s2o, o2f, total, rnd.nextInt(10) == 0 ? null : rnd.nextGaussian() * 0.05,
                    qty, rnd.nextInt(10) == 0 ? null : qty * rnd.nextDouble()));
        }
        String[] results = {"hit", "miss", null, "pending", "target_hit", "stopped_out"};
        for (int i = 0; i < 200; i++) {
            patterns.add(new Pattern(SYMBOLS[rnd.nextInt(2)], rnd.nextBoolean() ? "breakout" : "reversal",
                    T0.minusHours(6).plusMinutes(rnd.nextInt(3 * 24 * 60)).format(TEXT), rnd.nextDouble(),
                    results[rnd.nextInt(results.length)], rnd.nextInt(3) == 0 ? null : rnd.nextGaussian() * 20));
        }
        for (int i = 0; i < 200; i++) {
            boolean price = rnd.nextBoolean();
            predictions.add(new Prediction(SYMBOLS[rnd.nextInt(2)], rnd.nextBoolean() ? "m1" : "m2", "v1",
                    T0.minusHours(6).plusMinutes(rnd.nextInt(3 * 24 * 60)).format(TEXT), price ? "price" : "direction",
                    rnd.nextInt(2), price ? rnd.nextGaussian() * 10 : (double) (rnd.nextInt(3) - 1)));
        }
        for (String s : SYMBOLS) {
            double close = s.equals("BTCUSDT") ? 60_000 : 3_000;
            for (int h = -5; h < 3 * 24; h++) {
                double open = close;
                close = open * Math.exp(rnd.nextGaussian() * 0.01);
                candles.add(new Candle(s, "1h", T0.plusHours(h).format(TEXT), open, close, rnd.nextDouble() * 100));
            }
        }
    }

    private void insertAll() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/trading.db"))) {
            c.setAutoCommit(false);
            int id = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions (id, symbol, side, quantity, entry_price,"
                    + " status, opened_at, closed_at, realized_pnl) VALUES (?, ?, 'BUY', 1, 100, ?, '2025-01-01 00:00:00.000000', ?, ?)")) {
                for (Position p : positions) {
                    ps.setString(1, "p" + id++);
                    ps.setString(2, p.symbol);
                    ps.setString(3, p.status);
                    ps.setString(4, p.closedAt);
                    ps.setObject(5, p.pnl);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO portfolio_snapshots (balance, timestamp) VALUES (?, ?)")) {
                for (Snapshot s : snapshots) {
                    ps.setDouble(1, s.balance);
                    ps.setString(2, s.at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trade_execution_log (trade_id, symbol, order_type, side,"
                    + " quantity, price, signal_timestamp, order_sent_timestamp, signal_to_order_latency_ms, order_to_fill_latency_ms,"
                    + " total_latency_ms, status, filled_quantity, slippage_pct, created_at) VALUES ('t', ?, 'MARKET', 'BUY', ?, 1, ?, ?, ?, ?, ?, 'FILLED', ?, ?, ?)")) {
                for (Execution e : executions) {
                    ps.setString(1, e.symbol);
                    ps.setDouble(2, e.qty);
                    ps.setString(3, e.createdAt);
                    ps.setString(4, e.createdAt);
                    ps.setObject(5, e.s2o);
                    ps.setObject(6, e.o2f);
                    ps.setObject(7, e.total);
                    ps.setObject(8, e.filled);
                    ps.setObject(9, e.slip);
                    ps.setString(10, e.createdAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pattern_cache (symbol, interval, pattern_type, pattern_name,"
                    + " detected_at, pattern_start, confidence_score, actual_result, actual_pnl) VALUES (?, '1h', ?, 'n', ?, ?, ?, ?, ?)")) {
                for (Pattern p : patterns) {
                    ps.setString(1, p.symbol);
                    ps.setString(2, p.type);
                    ps.setString(3, p.detectedAt);
                    ps.setString(4, p.detectedAt);
                    ps.setDouble(5, p.confidence);
                    ps.setString(6, p.result);
                    ps.setObject(7, p.pnl);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ml_model_results (model_name, model_version, symbol, interval,"
                    + " prediction_timestamp, prediction_type, predicted_value, is_correct, prediction_error, validation_timestamp)"
                    + " VALUES (?, ?, ?, '1h', ?, ?, 1, ?, ?, '2025-03-05 00:00:00.000000')")) {
                for (Prediction p : predictions) {
                    ps.setString(1, p.model);
                    ps.setString(2, p.version);
                    ps.setString(3, p.symbol);
                    ps.setString(4, p.at);
                    ps.setString(5, p.type);
                    ps.setObject(6, p.correct);
                    ps.setObject(7, p.error);
                    ps.addBatch();
                }
                ps.executeBatch();
                // not validated: never counted
                ps.setString(1, "m1");
                ps.setString(2, "v1");
                ps.setString(3, "BTCUSDT");
                ps.setString(4, T0.plusHours(1).format(TEXT));
                ps.setString(5, "price");
                ps.setObject(6, 1);
                ps.setObject(7, 999.0);
                ps.executeUpdate();
            }
            c.createStatement().executeUpdate("UPDATE ml_model_results SET validation_timestamp = NULL WHERE prediction_error = 999.0");
            c.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/market_data.db"))) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO candlesticks (symbol, interval, open_time, close_time,"
                    + " open_price, high_price, low_price, close_price, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Candle k : candles) {
                    ps.setString(1, k.symbol);
                    ps.setString(2, k.interval);
                    ps.setString(3, k.openTime);
                    ps.setString(4, k.openTime);
                    ps.setDouble(5, k.open);
                    ps.setDouble(6, Math.max(k.open, k.close));
                    ps.setDouble(7, Math.min(k.open, k.close));
                    ps.setDouble(8, k.close);
                    ps.setDouble(9, k.volume);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
