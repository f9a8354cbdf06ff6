package com.tradebatch.analytics;

import com.tradebatch.common.Interval;

/**
 * Why a direction or price prediction can never be judged by the validation step. Such a row is marked validated
 * without a verdict (see {@link PredictionOutcome#notJudgeable}) and counted by reason in the job report: it must
 * neither stop the step nor stay pending, or it would fail or slow every later run.
 */
public enum NotJudgeable {
    NO_REFERENCE_CANDLE("no candle before the first one to compare the direction with (a gap or the start of the series)"),
    UNREADABLE_TIMESTAMP("prediction_timestamp is not a DateTime inside the accepted time window"),
    UNKNOWN_INTERVAL("interval is not one of " + Interval.resultCodes()),
    NO_PREDICTED_VALUE("predicted_value is empty"),
    UNEXPECTED_VALUE("a stored value the rules cannot use");

    private final String reason;

    NotJudgeable(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
