package com.tradebatch.analytics;

import static com.tradebatch.analytics.MetricSink.details;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;


/**
 * {@code execution} metrics from analytics.db's trade_execution_log, rows by created_at in the period (index
 * ix_trade_execution_log_created_at), per symbol and global: for each latency column its p50, p95, p99 and max
 * (linear interpolation, {@link Percentiles}); slippage_pct_avg; fill_rate = sum(filled_quantity) / sum(quantity).
 */
public class ExecutionMetricsCalculator implements MetricCalculator {

    public static final String TYPE = "execution";
    static final List<String> LATENCIES = List.of("signal_to_order_latency_ms", "order_to_fill_latency_ms",
            "total_latency_ms");

    static final String QUERY = """
            SELECT symbol, signal_to_order_latency_ms, order_to_fill_latency_ms, total_latency_ms, slippage_pct,
                   quantity, filled_quantity
            FROM trade_execution_log
            WHERE created_at >= ? AND created_at < ?
            """;

    private final PeriodQuery rows;
    private final SymbolScope scope;

    public ExecutionMetricsCalculator(DataSource analytics, SymbolScope scope, int fetchSize) {
        this.rows = new PeriodQuery(analytics, fetchSize, QUERY, scope);
        this.scope = scope;
    }

    private static final class Group {
        final Samples[] latencies = {new Samples(), new Samples(), new Samples()};
        final Samples slippage = new Samples();
        long executions;
        double quantity;
        double filled;

        void count(boolean hasSlip, double slip, double qty, double filledQty) {
            if (hasSlip) {
                slippage.add(slip);
            }
            executions++;
            quantity += qty;
            filled += filledQty;
        }
    }

    @Override
    public void calculate(MetricPeriod period, MetricSink sink) {
        Map<String, Group> groups = new HashMap<>();
        Group global = new Group();
        rows.forEachRow(period, sink, rs -> {
            String symbol = rs.getString(1);
            Group g = groups.computeIfAbsent(symbol, s -> new Group());
            for (int i = 0; i < 3; i++) {
                double v = rs.getDouble(2 + i);
                if (!rs.wasNull()) {
                    g.latencies[i].add(v);
                    if (scope.all()) {
                        global.latencies[i].add(v);
                    }
                }
            }
            double slip = rs.getDouble(5);
            boolean hasSlip = !rs.wasNull();
            double qty = rs.getDouble(6);
            double filled = rs.getDouble(7);
            g.count(hasSlip, slip, qty, filled);
            if (scope.all()) {
                global.count(hasSlip, slip, qty, filled);
            }
        });
        Map<String, Group> ordered = new TreeMap<>(groups);
        Map<String, Group> all = new LinkedHashMap<>(ordered);
        if (scope.all() && global.executions > 0) {
            all.put(null, global);
        }
        all.forEach((symbol, g) -> emit(symbol, g, sink));
    }

    private static void emit(String symbol, Group g, MetricSink sink) {
        for (int i = 0; i < 3; i++) {
            Samples s = g.latencies[i];
            if (s.size() == 0) {
                continue;
            }
            String col = LATENCIES.get(i);
            double max = s.percentile(100);
            Map<String, Object> d = details("samples", s.size(), "min", s.percentile(0), "mean", s.mean(),
                    "method", "linear interpolation between closest ranks");
            sink.add(TYPE, col + "_p50", symbol, s.percentile(50), (double) s.size(), d);
            sink.add(TYPE, col + "_p95", symbol, s.percentile(95), (double) s.size(), d);
            sink.add(TYPE, col + "_p99", symbol, s.percentile(99), (double) s.size(), d);
            sink.add(TYPE, col + "_max", symbol, max, (double) s.size(), d);
        }
        if (g.slippage.size() > 0) {
            sink.add(TYPE, "slippage_pct_avg", symbol, g.slippage.mean(), (double) g.slippage.size(),
                    details("samples", g.slippage.size(), "min", g.slippage.percentile(0), "max",
                            g.slippage.percentile(100)));
        }
        if (g.quantity > 0) {
            sink.add(TYPE, "fill_rate", symbol, g.filled / g.quantity, (double) g.executions,
                    details("executions", g.executions, "quantity", g.quantity, "filled_quantity", g.filled));
        }
    }
}
