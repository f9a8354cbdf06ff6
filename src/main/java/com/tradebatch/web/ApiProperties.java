package com.tradebatch.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tradebatch.common.Settings;

/**
 * {@code tradebatch.http}: serve's HTTP API. {@code port} 0 means no web server at all; {@code token} empty means
 * every {@code /api} call is refused (401); {@code importDirs} are the folders a {@code file=} parameter given over
 * HTTP may name; {@code executionsLimit} / {@code executionsMaxLimit} the default and largest page of
 * {@code GET /api/executions}; {@code healthCache} how long a store's health (a quick_check, which reads every page)
 * is reused by {@code /actuator/health}. The defaults live in application.yml.
 */
@ConfigurationProperties("tradebatch.http")
public record ApiProperties(int port, String bind, String token, List<String> importDirs, int executionsLimit,
        int executionsMaxLimit, Duration healthCache) {

    public ApiProperties {
        Settings.positive("tradebatch.http.executions-limit", executionsLimit);
        Settings.positive("tradebatch.http.executions-max-limit", executionsMaxLimit);
        if (healthCache == null || healthCache.isNegative()) {
            throw new IllegalArgumentException("tradebatch.http.health-cache must be set (application.yml), not " + healthCache);
        }
        token = token == null ? "" : token.trim();
        importDirs = importDirs == null ? List.of() : importDirs.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }
}
