package com.tradebatch.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tradebatch.progress.*} in application.yml (where the default lives): how often progress lines print. */
@ConfigurationProperties("tradebatch.progress")
public record ProgressProperties(Duration interval) {

    public ProgressProperties {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("tradebatch.progress.interval must be set (application.yml), not " + interval);
        }
    }
}
