package com.tradebatch.analytics;

import java.time.Instant;

/**
 * The validation of one prediction, as written to its ml_model_results row. A prediction that cannot be judged
 * gets a validation_timestamp with is_correct, actual_value and prediction_error NULL: the schema's way to say
 * "looked at, no verdict", so the next run does not pick it up again and accuracy metrics leave it out.
 */
public record PredictionOutcome(long id, Double actualValue, Double predictionError, Boolean correct,
        Instant validationTimestamp, Double timeToValidationHours) {

    static PredictionOutcome notJudgeable(long id, Instant validationTimestamp, Double timeToValidationHours) {
        return new PredictionOutcome(id, null, null, null, validationTimestamp, timeToValidationHours);
    }
}
