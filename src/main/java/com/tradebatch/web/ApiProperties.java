package com.tradebatch.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradebatch.http}: serve's HTTP API. {@code port} 0 means no web server at all; {@code token} empty means
 * every {@code /api} call is refused (401); {@code importDirs} are the folders a {@code file=} parameter given over
 * HTTP may name.
 */
@ConfigurationProperties("tradebatch.http")
public record ApiProperties(int port, String bind, String token, List<String> importDirs) {

    public ApiProperties {
        token = token == null ? "" : token.trim();
        importDirs = importDirs == null ? List.of() : importDirs.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }
}
