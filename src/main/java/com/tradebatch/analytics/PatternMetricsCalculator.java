package com.tradebatch.analytics;

import static com.tradebatch.analytics.MetricSink.details;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;


/**
 * {@code pattern} metrics from analytics.db's pattern_cache, patterns detected in the period (index
 * ix_pattern_cache_detected_at), per pattern_type, per symbol and global: {@code count:<type>} (details: counts
 * per confidence bucket), {@code hit_rate:<type>} (hits / patterns with an outcome in actual_result),
 * {@code avg_pnl:<type>} (mean actual_pnl where given).
 */
public class PatternMetricsCalculator implements MetricCalculator {

    public static final String TYPE = "pattern";
    /** actual_result values that count as a hit (case-insensitive); any other outcome is a miss. */
    public static final Set<String> HITS = Set.of("hit", "success", "successful", "win", "won", "target_hit",
            "target_reached", "profit", "profitable", "true", "1");
    /** actual_result values that mean no outcome yet: not counted in the hit rate. */
    public static final Set<String> NO_OUTCOME = Set.of("pending", "open", "active", "unknown", "none", "n/a");
    static final String[] BUCKETS = {"0.0-0.5", "0.5-0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", "0.9-1.0"};

    static final String QUERY = """
            SELECT symbol, pattern_type, confidence_score, actual_result, actual_pnl
            FROM pattern_cache
            WHERE detected_at >= ? AND detected_at < ?
            """;

    private final PeriodQuery rows;
    private final SymbolScope scope;

    public PatternMetricsCalculator(DataSource analytics, SymbolScope scope, int fetchSize) {
        this.rows = new PeriodQuery(analytics, fetchSize, QUERY, scope);
        this.scope = scope;
    }

    private record Key(String symbol, String patternType) {
    }

    private static final class Group {
        long count;
        long evaluated;
        long hits;
        long withPnl;
        double pnl;
        final long[] buckets = new long[BUCKETS.length];
    }

    /** 0-0.5 together, then tenths; 1.0 goes in the last bucket. */
    static int bucket(double confidence) {
        if (confidence < 0.5) {
            return 0;
        }
        return Math.min(BUCKETS.length - 1, 1 + (int) Math.floor((confidence - 0.5) * 10 + 1e-9));
    }

    @Override
    public void calculate(MetricPeriod period, MetricSink sink) {
        Map<Key, Group> groups = new HashMap<>();
        rows.forEachRow(period, sink, rs -> {
            String symbol = rs.getString(1);
            String type = rs.getString(2);
            double confidence = rs.getDouble(3);
            String result = rs.getString(4);
            double pnl = rs.getDouble(5);
            boolean hasPnl = !rs.wasNull();
            for (String s : scope.groups(symbol)) {
                Group g = groups.computeIfAbsent(new Key(s, type), k -> new Group());
                g.count++;
                g.buckets[bucket(confidence)]++;
                String r = result == null ? "" : result.trim().toLowerCase(Locale.ROOT);
                if (!r.isEmpty() && !NO_OUTCOME.contains(r)) {
                    g.evaluated++;
                    if (HITS.contains(r)) {
                        g.hits++;
                    }
                }
                if (hasPnl) {
                    g.withPnl++;
                    g.pnl += pnl;
                }
            }
        });
        Comparator<Key> order = Comparator.comparing((Key k) -> k.symbol() == null ? "\uffff" : k.symbol())
                .thenComparing(Key::patternType);
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey(order)).forEach(e -> emit(e.getKey(), e.getValue(), sink));
    }

    private static void emit(Key k, Group g, MetricSink sink) {
        Map<String, Object> buckets = new LinkedHashMap<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            buckets.put(BUCKETS[i], g.buckets[i]);
        }
        String t = k.patternType();
        sink.add(TYPE, "count:" + t, k.symbol(), g.count, (double) g.evaluated,
                details("pattern_type", t, "confidence_buckets", buckets, "with_outcome", g.evaluated));
        if (g.evaluated > 0) {
            sink.add(TYPE, "hit_rate:" + t, k.symbol(), (double) g.hits / g.evaluated, (double) g.evaluated,
                    details("pattern_type", t, "hits", g.hits, "misses", g.evaluated - g.hits));
        }
        if (g.withPnl > 0) {
            sink.add(TYPE, "avg_pnl:" + t, k.symbol(), g.pnl / g.withPnl, (double) g.withPnl,
                    details("pattern_type", t, "total_pnl", g.pnl, "with_pnl", g.withPnl));
        }
    }
}
