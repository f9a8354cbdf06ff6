package com.tradebatch.store;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The four SQLite files tradebatch works on. The first three belong to the trading system; {@link #BATCH}
 * holds Spring Batch's job repository and nothing else.
 */
public enum Store {
    TRADING("trading", "TRADING_DATABASE_URL", "trading.db", true),
    MARKET("market", "MARKET_DATABASE_URL", "market_data.db", true),
    ANALYTICS("analytics", "ANALYTICS_DATABASE_URL", "analytics.db", true),
    BATCH("batch", "BATCH_DATABASE_URL", "batch.db", false);

    private final String key;
    private final String variable;
    private final String defaultFileName;
    private final boolean tradingSystem;

    Store(String key, String variable, String defaultFileName, boolean tradingSystem) {
        this.key = key;
        this.variable = variable;
        this.defaultFileName = defaultFileName;
        this.tradingSystem = tradingSystem;
    }

    /** Name used on the command line, in {@code health} and in {@code databases=} parameters. */
    public String key() {
        return key;
    }

    /** The environment variable that locates this store. */
    public String variable() {
        return variable;
    }

    public String defaultFileName() {
        return defaultFileName;
    }

    /** True for the three databases the Python trading system reads; false for the batch metadata store. */
    public boolean isTradingSystem() {
        return tradingSystem;
    }

    /** Classpath folder of this store's Flyway migrations. */
    public String migrationLocation() {
        return "classpath:db/" + key;
    }

    /** Reads a {@code databases=} value: {@code all} or a comma list of keys, in the order given. */
    public static List<Store> parseList(String value, boolean includeBatch) {
        Set<Store> result = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.equalsIgnoreCase("all")) {
                Arrays.stream(values()).filter(s -> includeBatch || s.tradingSystem).forEach(result::add);
            } else if (!p.isEmpty()) {
                result.add(fromKey(p));
            }
        }
        return List.copyOf(result);
    }

    public static Store fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        if (k.equals("market_data")) {
            return MARKET;
        }
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown database '" + key + "' (expected one of "
                        + String.join(", ", Arrays.stream(values()).map(Store::key).toList()) + ")"));
    }
}
