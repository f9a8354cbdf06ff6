package com.tradebatch.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.TradingTime;

/**
 * Upserts {@code ml_model_results} on (model_name, model_version, symbol, interval, prediction_timestamp,
 * prediction_type). Equal values leave the row alone; a changed predicted_value updates it and clears its
 * validation (actual_value, prediction_error, is_correct, validation_timestamp, time_to_validation_hours) so the
 * validation step judges the new value; a changed confidence or prediction_data only updates those.
 */
public class MlResultWriter implements ItemWriter<MlResult>, StepExecutionListener {

    private static final String UPDATE = """
            UPDATE ml_model_results SET
                actual_value = CASE WHEN predicted_value IS ? THEN actual_value END,
                prediction_error = CASE WHEN predicted_value IS ? THEN prediction_error END,
                is_correct = CASE WHEN predicted_value IS ? THEN is_correct END,
                validation_timestamp = CASE WHEN predicted_value IS ? THEN validation_timestamp END,
                time_to_validation_hours = CASE WHEN predicted_value IS ? THEN time_to_validation_hours END,
                predicted_value = ?, confidence = COALESCE(?, confidence),
                prediction_data = COALESCE(?, prediction_data)
            WHERE model_name = ? AND model_version = ? AND symbol = ? AND interval = ?
              AND prediction_timestamp = ? AND prediction_type = ?
              AND NOT (predicted_value IS ? AND confidence IS COALESCE(?, confidence)
                AND prediction_data IS COALESCE(?, prediction_data))
            """;

    private static final String INSERT = """
            INSERT INTO ml_model_results (model_name, model_version, symbol, interval, prediction_timestamp,
                prediction_type, predicted_value, confidence, prediction_data, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM ml_model_results
                              WHERE model_name = ? AND model_version = ? AND symbol = ? AND interval = ?
                                AND prediction_timestamp = ? AND prediction_type = ?)
            """;

    private final DataSource analytics;
    private final UpsertCounts counts = new UpsertCounts();

    public MlResultWriter(DataSource analytics) {
        this.analytics = analytics;
    }

    @Override
    public void write(Chunk<? extends MlResult> chunk) throws Exception {
        String now = TradingTime.now();
        try (KeyedUpsert upsert = new KeyedUpsert(analytics, UPDATE, INSERT)) {
            for (MlResult m : chunk) {
                List<Object> key = Arrays.asList(m.modelName(), m.modelVersion(), m.symbol(), m.interval(),
                        TradingTime.format(m.predictionTimestamp()), m.predictionType());
                List<Object> values = Arrays.asList(m.predictedValue(), m.confidence(), m.predictionData());
                List<Object> update = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    update.add(m.predictedValue());
                }
                update.addAll(values);
                update.addAll(key);
                update.addAll(values);
                List<Object> insert = new ArrayList<>(key);
                insert.addAll(values);
                insert.add(now);
                insert.addAll(key);
                counts.add(upsert.upsert(update, insert));
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        JobReport.append(stepExecution.getJobExecution(), counts.describe("ml_model_results"));
        return null;
    }
}
