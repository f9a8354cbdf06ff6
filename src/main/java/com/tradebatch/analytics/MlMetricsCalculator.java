package com.tradebatch.analytics;

import static com.tradebatch.analytics.MetricSink.details;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;


/**
 * {@code ml} metrics from analytics.db's ml_model_results: validated predictions (validation_timestamp set)
 * whose prediction_timestamp is in the period (index ix_ml_model_results_prediction_timestamp), per model and
 * version, per symbol and global: {@code accuracy:<model>/<version>} (is_correct = 1 over those judged),
 * {@code mae:} and {@code rmse:<model>/<version>} of prediction_error over the price-kind predictions (a
 * direction's error is not a distance).
 */
public class MlMetricsCalculator implements MetricCalculator {

    public static final String TYPE = "ml";

    static final String QUERY = """
            SELECT symbol, model_name, model_version, prediction_type, is_correct, prediction_error
            FROM ml_model_results
            WHERE prediction_timestamp >= ? AND prediction_timestamp < ? AND validation_timestamp IS NOT NULL
            """;

    private final PeriodQuery rows;
    private final SymbolScope scope;

    public MlMetricsCalculator(DataSource analytics, SymbolScope scope) {
        this.rows = new PeriodQuery(analytics, 0, QUERY, scope);
        this.scope = scope;
    }

    private record Key(String symbol, String model, String version) {
        String label() {
            return model + "/" + version;
        }
    }

    private static final class Group {
        long validated;
        long judged;
        long correct;
        long errors;
        double absSum;
        double sqSum;
    }

    @Override
    public void calculate(MetricPeriod period, MetricSink sink) {
        Map<Key, Group> groups = new HashMap<>();
        rows.forEachRow(period, sink, rs -> {
            String symbol = rs.getString(1);
            String model = rs.getString(2);
            String version = rs.getString(3);
            PredictionKind kind = PredictionKind.of(rs.getString(4));
            int correct = rs.getInt(5);
            boolean judged = !rs.wasNull();
            double error = rs.getDouble(6);
            boolean hasError = !rs.wasNull() && kind == PredictionKind.PRICE;
            for (String s : scope.groups(symbol)) {
                Group g = groups.computeIfAbsent(new Key(s, model, version), k -> new Group());
                g.validated++;
                if (judged) {
                    g.judged++;
                    g.correct += correct == 1 ? 1 : 0;
                }
                if (hasError) {
                    g.errors++;
                    g.absSum += Math.abs(error);
                    g.sqSum += error * error;
                }
            }
        });
        Comparator<Key> order = Comparator.comparing((Key k) -> k.symbol() == null ? "\uffff" : k.symbol())
                .thenComparing(Key::model).thenComparing(Key::version);
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey(order)).forEach(e -> {
            Key k = e.getKey();
            Group g = e.getValue();
            if (g.judged > 0) {
                sink.add(TYPE, "accuracy:" + k.label(), k.symbol(), (double) g.correct / g.judged, (double) g.judged,
                        details("model_name", k.model(), "model_version", k.version(), "correct", g.correct,
                                "judged", g.judged, "validated", g.validated));
            }
            if (g.errors > 0) {
                Map<String, Object> d = details("model_name", k.model(), "model_version", k.version(),
                        "price_predictions", g.errors);
                sink.add(TYPE, "mae:" + k.label(), k.symbol(), g.absSum / g.errors, (double) g.errors, d);
                sink.add(TYPE, "rmse:" + k.label(), k.symbol(), Math.sqrt(g.sqSum / g.errors), (double) g.errors, d);
            }
        });
    }
}
