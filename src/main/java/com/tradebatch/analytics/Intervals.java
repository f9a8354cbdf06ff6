package com.tradebatch.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The candle intervals results may refer to, with their length (fixed-length intervals only). */
public final class Intervals {

    private static final Map<String, Duration> LENGTHS = new LinkedHashMap<>();

    static {
        LENGTHS.put("1m", Duration.ofMinutes(1));
        LENGTHS.put("3m", Duration.ofMinutes(3));
        LENGTHS.put("5m", Duration.ofMinutes(5));
        LENGTHS.put("15m", Duration.ofMinutes(15));
        LENGTHS.put("30m", Duration.ofMinutes(30));
        LENGTHS.put("1h", Duration.ofHours(1));
        LENGTHS.put("2h", Duration.ofHours(2));
        LENGTHS.put("4h", Duration.ofHours(4));
        LENGTHS.put("6h", Duration.ofHours(6));
        LENGTHS.put("8h", Duration.ofHours(8));
        LENGTHS.put("12h", Duration.ofHours(12));
        LENGTHS.put("1d", Duration.ofDays(1));
    }

    private Intervals() {
    }

    public static boolean isKnown(String interval) {
        return LENGTHS.containsKey(interval);
    }

    public static String known() {
        return String.join(" ", LENGTHS.keySet());
    }

    public static Duration length(String interval) {
        Duration d = LENGTHS.get(interval);
        if (d == null) {
            throw new IllegalArgumentException("unknown interval '" + interval + "' (one of " + known() + ")");
        }
        return d;
    }

    /** The first candle open time at or after {@code t} (candles open at multiples of their length since the epoch). */
    public static Instant ceil(Instant t, Duration length) {
        long ms = length.toMillis();
        long at = t.toEpochMilli();
        long floor = Math.floorDiv(at, ms) * ms;
        boolean exact = floor == at && t.getNano() % 1_000_000 == 0;
        return Instant.ofEpochMilli(exact ? floor : floor + ms);
    }
}
