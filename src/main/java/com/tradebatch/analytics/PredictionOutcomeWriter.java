package com.tradebatch.analytics;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.tradebatch.common.TradingTime;

/**
 * Writes validations into their ml_model_results rows (only rows still unvalidated: a rerun changes nothing); a
 * not-judgeable outcome writes NULL verdict columns with its validation_timestamp.
 */
public final class PredictionOutcomeWriter {

    private static final String UPDATE = """
            UPDATE ml_model_results SET actual_value = :actual_value, prediction_error = :prediction_error,
                is_correct = :is_correct, validation_timestamp = :validation_timestamp,
                time_to_validation_hours = :time_to_validation_hours
            WHERE id = :id AND validation_timestamp IS NULL
            """;

    private PredictionOutcomeWriter() {
    }

    public static JdbcBatchItemWriter<PredictionOutcome> create(DataSource analytics) {
        return new JdbcBatchItemWriterBuilder<PredictionOutcome>()
                .dataSource(analytics)
                .sql(UPDATE)
                .itemSqlParameterSourceProvider(PredictionOutcomeWriter::parameters)
                .assertUpdates(false) // a row validated meanwhile is left as it is
                .build();
    }

    static SqlParameterSource parameters(PredictionOutcome o) {
        return new MapSqlParameterSource()
                .addValue("actual_value", o.actualValue())
                .addValue("prediction_error", o.predictionError())
                .addValue("is_correct", o.correct() == null ? null : o.correct() ? 1 : 0)
                .addValue("validation_timestamp", TradingTime.format(o.validationTimestamp()))
                .addValue("time_to_validation_hours", o.timeToValidationHours())
                .addValue("id", o.id());
    }
}
