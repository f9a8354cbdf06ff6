package com.tradebatch.analytics;

import java.util.Map;

/**
 * One analytics_metrics row of a period. {@code symbol} null is the global row; {@code details} becomes the
 * details JSON.
 */
public record MetricRow(String type, String name, String symbol, double value, Double secondaryValue,
        Map<String, Object> details) {
}
