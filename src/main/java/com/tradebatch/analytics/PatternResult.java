package com.tradebatch.analytics;

import java.time.Instant;

/**
 * A validated {@code pattern_cache} row from a result file; key (symbol, interval, pattern_type, detected_at).
 * Optional values are null when the file did not give them. {@code confidenceScore} is on the 0-1 scale.
 */
public record PatternResult(String symbol, String interval, String patternType, String patternName,
        Instant detectedAt, Instant patternStart, Instant patternEnd, double confidenceScore, Double entryPrice,
        Double targetPrice, Double stopLoss, String patternData, String status, String actualResult,
        Double actualPnl) {
}
