package com.tradebatch.analytics;

import java.util.Locale;
import java.util.Set;

/**
 * How a prediction_type is judged. DIRECTION: predicted_value's sign is the direction (positive up, negative
 * down, zero flat). PRICE: predicted_value is the target candle's close price. Anything else is not validated.
 */
public enum PredictionKind {
    DIRECTION, PRICE, OTHER;

    private static final Set<String> DIRECTION_TYPES = Set.of("direction", "trend", "signal", "up_down", "classification");
    private static final Set<String> PRICE_TYPES = Set.of("price", "close", "close_price", "target_price", "regression");

    public static PredictionKind of(String predictionType) {
        String t = predictionType == null ? "" : predictionType.trim().toLowerCase(Locale.ROOT);
        if (DIRECTION_TYPES.contains(t) || t.endsWith("_direction")) {
            return DIRECTION;
        }
        if (PRICE_TYPES.contains(t) || t.endsWith("_price")) {
            return PRICE;
        }
        return OTHER;
    }
}
