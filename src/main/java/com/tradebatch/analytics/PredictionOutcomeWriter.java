package com.tradebatch.analytics;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import com.tradebatch.common.TradingTime;

/**
 * Writes validations into their ml_model_results rows (only rows still unvalidated: a rerun changes nothing); a
 * not-judgeable outcome writes NULL verdict columns with its validation_timestamp.
 */
public class PredictionOutcomeWriter implements ItemWriter<PredictionOutcome> {

    private static final String UPDATE = """
            UPDATE ml_model_results SET actual_value = ?, prediction_error = ?, is_correct = ?,
                validation_timestamp = ?, time_to_validation_hours = ?
            WHERE id = ? AND validation_timestamp IS NULL
            """;

    private final JdbcTemplate analytics;

    public PredictionOutcomeWriter(DataSource analytics) {
        this.analytics = new JdbcTemplate(analytics);
    }

    @Override
    public void write(Chunk<? extends PredictionOutcome> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (PredictionOutcome o : chunk) {
            rows.add(new Object[] {o.actualValue(), o.predictionError(),
                    o.correct() == null ? null : o.correct() ? 1 : 0, TradingTime.format(o.validationTimestamp()),
                    o.timeToValidationHours(), o.id()});
        }
        analytics.batchUpdate(UPDATE, rows);
    }
}
