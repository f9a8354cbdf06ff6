package com.tradebatch.migration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tradebatch.common.Interval;

/**
 * The legacy {@code timeframe} spellings read as the {@link Interval} they mean: {@code 1m 5m 15m 1h 4h 1d 1w 1M}
 * stay as they are; {@code 60min}, {@code 1hour}, {@code 1day} and the like become {@code 1h}, {@code 1h},
 * {@code 1d}. Only the spelling lives here; lengths and close times are {@link Interval}'s.
 */
public final class LegacyTimeframes {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(m|min|mins|minute|minutes|h|hr|hour|hours|d|day|days|w|week|weeks|M|mo|month)");
    private static final Map<String, Character> UNITS = Map.ofEntries(Map.entry("m", 'm'), Map.entry("min", 'm'),
            Map.entry("mins", 'm'), Map.entry("minute", 'm'), Map.entry("minutes", 'm'), Map.entry("h", 'h'),
            Map.entry("hr", 'h'), Map.entry("hour", 'h'), Map.entry("hours", 'h'), Map.entry("d", 'd'),
            Map.entry("day", 'd'), Map.entry("days", 'd'), Map.entry("w", 'w'), Map.entry("week", 'w'),
            Map.entry("weeks", 'w'), Map.entry("M", 'M'), Map.entry("mo", 'M'), Map.entry("month", 'M'));
    private static final long MINUTES_PER_HOUR = 60;
    private static final long MINUTES_PER_DAY = 1_440;

    /** A migration meets a handful of spellings millions of times. */
    private static final ConcurrentMap<String, Interval> CACHE = new ConcurrentHashMap<>();

    private LegacyTimeframes() {
    }

    public static Interval interval(String timeframe) {
        if (timeframe == null) {
            throw new IllegalArgumentException("timeframe is NULL");
        }
        return CACHE.computeIfAbsent(timeframe, LegacyTimeframes::parse);
    }

    private static Interval parse(String timeframe) {
        Matcher m = FORM.matcher(timeframe.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("timeframe '" + timeframe + "' is not an interval (1m, 5m, 15m, 1h, 4h, 1d, ...)");
        }
        long n = Long.parseLong(m.group(1));
        char unit = UNITS.get(m.group(2));
        if (unit == 'm' && n % MINUTES_PER_DAY == 0) {
            return new Interval(n / MINUTES_PER_DAY, 'd');
        }
        if (unit == 'm' && n % MINUTES_PER_HOUR == 0) {
            return new Interval(n / MINUTES_PER_HOUR, 'h');
        }
        return new Interval(n, unit);
    }
}
