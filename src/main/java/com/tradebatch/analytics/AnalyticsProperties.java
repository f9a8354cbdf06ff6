package com.tradebatch.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tradebatch.common.Settings;

/**
 * {@code tradebatch.analytics.*} in application.yml (where the defaults live).
 *
 * @param chunkSize rows per transaction of pattern-import and ml-results-import (both steps), and the page of
 *                  pending predictions the validation reads at a time
 * @param fetchSize rows the analytics-metrics queries fetch from SQLite per round trip
 */
@ConfigurationProperties("tradebatch.analytics")
public record AnalyticsProperties(int chunkSize, int fetchSize) {

    public AnalyticsProperties {
        Settings.positive("tradebatch.analytics.chunk-size", chunkSize);
        Settings.positive("tradebatch.analytics.fetch-size", fetchSize);
    }
}
