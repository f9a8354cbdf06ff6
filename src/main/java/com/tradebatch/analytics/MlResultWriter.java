package com.tradebatch.analytics;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.tradebatch.common.TradingTime;

/**
 * Upserts {@code ml_model_results} on (model_name, model_version, symbol, interval, prediction_timestamp,
 * prediction_type), a key with no UNIQUE index (hence {@link KeyedUpsertWriter}). Equal values leave the row
 * alone; a changed predicted_value updates it and clears its validation (actual_value, prediction_error,
 * is_correct, validation_timestamp, time_to_validation_hours) so the validation step judges the new value; a
 * changed confidence or prediction_data only updates those.
 */
public class MlResultWriter extends KeyedUpsertWriter<MlResult> {

    /** A validation column keeps its value only while predicted_value stays the same (CASE without ELSE: NULL). */
    private static final String UPDATE = """
            UPDATE ml_model_results SET
                actual_value = CASE WHEN predicted_value IS :predicted_value THEN actual_value END,
                prediction_error = CASE WHEN predicted_value IS :predicted_value THEN prediction_error END,
                is_correct = CASE WHEN predicted_value IS :predicted_value THEN is_correct END,
                validation_timestamp = CASE WHEN predicted_value IS :predicted_value THEN validation_timestamp END,
                time_to_validation_hours = CASE WHEN predicted_value IS :predicted_value
                                                THEN time_to_validation_hours END,
                predicted_value = :predicted_value, confidence = COALESCE(:confidence, confidence),
                prediction_data = COALESCE(:prediction_data, prediction_data)
            WHERE model_name = :model_name AND model_version = :model_version AND symbol = :symbol
              AND interval = :interval AND prediction_timestamp = :prediction_timestamp
              AND prediction_type = :prediction_type
              AND NOT (predicted_value IS :predicted_value AND confidence IS COALESCE(:confidence, confidence)
                AND prediction_data IS COALESCE(:prediction_data, prediction_data))
            """;

    private static final String INSERT = """
            INSERT INTO ml_model_results (model_name, model_version, symbol, interval, prediction_timestamp,
                prediction_type, predicted_value, confidence, prediction_data, created_at)
            SELECT :model_name, :model_version, :symbol, :interval, :prediction_timestamp,
                :prediction_type, :predicted_value, :confidence, :prediction_data, :now
            WHERE NOT EXISTS (SELECT 1 FROM ml_model_results
                              WHERE model_name = :model_name AND model_version = :model_version
                                AND symbol = :symbol AND interval = :interval
                                AND prediction_timestamp = :prediction_timestamp
                                AND prediction_type = :prediction_type)
            """;

    public MlResultWriter(DataSource analytics) {
        super(analytics, "ml_model_results", UPDATE, INSERT);
    }

    @Override
    protected SqlParameterSource parameters(MlResult m, String now) {
        return new MapSqlParameterSource()
                .addValue("model_name", m.modelName())
                .addValue("model_version", m.modelVersion())
                .addValue("symbol", m.symbol())
                .addValue("interval", m.interval())
                .addValue("prediction_timestamp", TradingTime.format(m.predictionTimestamp()))
                .addValue("prediction_type", m.predictionType())
                .addValue("predicted_value", m.predictedValue())
                .addValue("confidence", m.confidence())
                .addValue("prediction_data", m.predictionData())
                .addValue("now", now);
    }
}
