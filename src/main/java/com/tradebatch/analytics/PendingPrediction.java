package com.tradebatch.analytics;

import java.time.DateTimeException;
import java.time.Instant;

import com.tradebatch.common.AcceptedTimeWindow;
import com.tradebatch.common.TradingTime;

/**
 * An ml_model_results row not validated yet. The stored prediction_timestamp is kept as text: a row another
 * writer (or an older load) left unreadable must reach the validator, which counts it as not judgeable, instead
 * of failing the reader and with it every later run.
 */
public record PendingPrediction(long id, String symbol, String interval, String storedTimestamp,
        String predictionType, Double predictedValue, String predictionData) {

    /**
     * The prediction time, or null when the stored text is not the system's DateTime format or lies outside the
     * accepted window (an older load stored year 56974 for a nanosecond epoch: the models cannot read it).
     */
    public Instant predictionTimestamp() {
        if (storedTimestamp == null) {
            return null;
        }
        try {
            Instant t = TradingTime.parse(storedTimestamp);
            return AcceptedTimeWindow.contains(t) ? t : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
