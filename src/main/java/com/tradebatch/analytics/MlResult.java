package com.tradebatch.analytics;

import java.time.Instant;

/**
 * A validated {@code ml_model_results} prediction from a result file; key (model_name, model_version, symbol,
 * interval, prediction_timestamp, prediction_type). {@code confidence} is on the 0-1 scale or null.
 */
public record MlResult(String modelName, String modelVersion, String symbol, String interval,
        Instant predictionTimestamp, String predictionType, double predictedValue, Double confidence,
        String predictionData) {
}
