package com.tradebatch.analytics;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Predictions with no validation_timestamp yet, by id, a page at a time (keyset on the primary key). Stateless
 * for restarts: a rerun reads again only what is still unvalidated.
 */
public class PendingPredictionReader implements ItemReader<PendingPrediction> {

    private static final String PAGE = """
            SELECT id, symbol, interval, prediction_timestamp, prediction_type, predicted_value, prediction_data
            FROM ml_model_results
            WHERE validation_timestamp IS NULL AND id > ?
            ORDER BY id LIMIT ?
            """;

    private final JdbcTemplate analytics;
    private final int pageSize;
    private final Deque<PendingPrediction> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    public PendingPredictionReader(DataSource analytics, int pageSize) {
        this.analytics = new JdbcTemplate(analytics);
        this.pageSize = pageSize;
    }

    @Override
    public PendingPrediction read() {
        if (page.isEmpty() && !exhausted) {
            analytics.query(PAGE, rs -> {
                double v = rs.getDouble(6);
                Double predicted = rs.wasNull() ? null : v;
                page.add(new PendingPrediction(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), predicted, rs.getString(7)));
            }, lastId, pageSize);
            exhausted = page.size() < pageSize;
        }
        PendingPrediction next = page.poll();
        if (next != null) {
            lastId = next.id();
        }
        return next;
    }
}
