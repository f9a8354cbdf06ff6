package com.tradebatch.store;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the four store locations from the environment: {@code TRADING_DATABASE_URL},
 * {@code MARKET_DATABASE_URL}, {@code ANALYTICS_DATABASE_URL}, {@code BATCH_DATABASE_URL}, and the legacy
 * {@code DATABASE_URL} (a SQLite URL there means trading; a PostgreSQL URL is the migration source, not a store).
 */
public final class StoreLocations {

    public static final String LEGACY_VARIABLE = "DATABASE_URL";

    private final Map<Store, StoreLocation> locations;

    private StoreLocations(Map<Store, StoreLocation> locations) {
        this.locations = locations;
    }

    /**
     * @param env      looks up a variable, returning null when unset
     * @param defaults the default URL of each store
     * @param baseDir  what relative paths resolve against
     */
    public static StoreLocations resolve(Function<String, String> env, Map<Store, String> defaults, Path baseDir) {
        Map<Store, StoreLocation> map = new EnumMap<>(Store.class);
        for (Store store : Store.values()) {
            String source = store.variable();
            String url = blankToNull(env.apply(source));
            if (url == null && store == Store.TRADING) {
                String legacy = blankToNull(env.apply(LEGACY_VARIABLE));
                if (legacy != null && SqliteUrl.isSqlite(legacy)) {
                    source = LEGACY_VARIABLE;
                    url = legacy;
                } else if (legacy != null && !SqliteUrl.isPostgres(legacy)) {
                    throw SqliteUrl.refused(LEGACY_VARIABLE, legacy,
                            "expected a SQLite URL (the trading store) or a PostgreSQL URL (the legacy database)");
                }
            }
            if (url == null) {
                source = "default";
                url = defaults.get(store);
            }
            if (url == null) {
                throw new StoreConfigurationException("no URL for the " + store.key() + " store: set " + store.variable());
            }
            if (!SqliteUrl.isSqlite(url)) {
                throw SqliteUrl.refused(source, url, "only SQLite stores are supported (sqlite:///path or jdbc:sqlite:path)");
            }
            map.put(store, new StoreLocation(store, source, url.trim(), SqliteUrl.toPath(source, url, baseDir)));
        }
        checkDistinct(map);
        return new StoreLocations(map);
    }

    private static void checkDistinct(Map<Store, StoreLocation> map) {
        for (StoreLocation a : map.values()) {
            for (StoreLocation b : map.values()) {
                if (a.store().ordinal() < b.store().ordinal() && a.file().equals(b.file())) {
                    throw new StoreConfigurationException(a.source() + " and " + b.source() + " both point at " + a.file()
                            + ": each store needs its own file");
                }
            }
        }
    }

    /** The legacy PostgreSQL URL in {@code DATABASE_URL}, if that is what it holds. */
    public static Optional<String> legacyPostgresUrl(Function<String, String> env) {
        String legacy = blankToNull(env.apply(LEGACY_VARIABLE));
        return legacy != null && SqliteUrl.isPostgres(legacy) ? Optional.of(legacy) : Optional.empty();
    }

    public StoreLocation get(Store store) {
        return locations.get(store);
    }

    public Map<Store, StoreLocation> all() {
        return Map.copyOf(locations);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
