package com.tradebatch.analytics;

import java.time.Instant;

/** An ml_model_results row not validated yet. */
public record PendingPrediction(long id, String symbol, String interval, Instant predictionTimestamp,
        String predictionType, Double predictedValue, String predictionData) {
}
