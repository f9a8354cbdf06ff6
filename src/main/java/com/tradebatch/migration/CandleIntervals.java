package com.tradebatch.migration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Legacy {@code timeframe} to the candlesticks' {@code interval}, and a candle's close_time: open_time plus the
 * interval minus one millisecond (the exchange convention the system's candles follow: a 1h candle opened at 10:00
 * closes at 10:59:59.999). Months ({@code 1M}) are calendar months.
 */
public final class CandleIntervals {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(m|min|mins|minute|minutes|h|hr|hour|hours|d|day|days|w|week|weeks|M|mo|month)");
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("m", "m"), Map.entry("min", "m"),
            Map.entry("mins", "m"), Map.entry("minute", "m"), Map.entry("minutes", "m"), Map.entry("h", "h"),
            Map.entry("hr", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"), Map.entry("d", "d"),
            Map.entry("day", "d"), Map.entry("days", "d"), Map.entry("w", "w"), Map.entry("week", "w"),
            Map.entry("weeks", "w"), Map.entry("M", "M"), Map.entry("mo", "M"), Map.entry("month", "M"));

    private static final java.util.concurrent.ConcurrentMap<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private CandleIntervals() {
    }

    /** {@code 1m 5m 15m 1h 4h 1d 1w 1M} stay as they are; {@code 60min}, {@code 1hour}, {@code 1day} read as such. */
    public static String normalize(String timeframe) {
        if (timeframe == null) {
            throw new IllegalArgumentException("timeframe is NULL");
        }
        return CACHE.computeIfAbsent(timeframe, CandleIntervals::parse);
    }

    private static String parse(String timeframe) {
        Matcher m = FORM.matcher(timeframe.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("timeframe '" + timeframe + "' is not an interval (1m, 5m, 15m, 1h, 4h, 1d, ...)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = UNITS.get(m.group(2));
        if (unit.equals("m") && n % 60 == 0 && n % 1440 != 0) {
            return n / 60 + "h";
        }
        if (unit.equals("m") && n % 1440 == 0) {
            return n / 1440 + "d";
        }
        return n + unit;
    }

    public static Instant closeTime(String interval, Instant openTime) {
        String norm = normalize(interval);
        long n = Long.parseLong(norm.substring(0, norm.length() - 1));
        Instant next = switch (norm.charAt(norm.length() - 1)) {
            case 'm' -> openTime.plusSeconds(n * 60);
            case 'h' -> openTime.plusSeconds(n * 3600);
            case 'd' -> openTime.plusSeconds(n * 86400);
            case 'w' -> openTime.plusSeconds(n * 7 * 86400);
            default -> openTime.atOffset(ZoneOffset.UTC).plusMonths(n).toInstant();
        };
        return next.minusMillis(1);
    }
}
