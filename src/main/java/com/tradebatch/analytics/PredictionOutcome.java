package com.tradebatch.analytics;

import java.time.Instant;

/** The validation of one prediction, as written to its ml_model_results row. */
public record PredictionOutcome(long id, PredictionKind kind, double actualValue, double predictionError,
        Boolean correct, Instant validationTimestamp, double timeToValidationHours) {
}
