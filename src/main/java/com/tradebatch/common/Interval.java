package com.tradebatch.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A candle interval, modelled once for every job: {@code <count><unit>} with unit {@code m}, {@code h}, {@code d},
 * {@code w} (fixed lengths, candles open on the epoch grid) or {@code M} (calendar months). Which intervals a job
 * accepts is a named set here: {@link #STORED}, the six the trading system keeps in candlesticks (candle-import,
 * candle-rollup), and {@link #IN_RESULTS}, those a pattern or ML result may name. The legacy migration keeps any
 * well-formed interval it meets.
 */
public record Interval(long count, char unit) {

    public static final List<Interval> STORED = list("1m 5m 15m 1h 4h 1d");
    public static final List<Interval> IN_RESULTS = list("1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
    private static final List<String> STORED_CODES = codesOf(STORED);
    private static final List<String> RESULT_CODES = codesOf(IN_RESULTS);

    /** Exchanges close a candle one millisecond before the next one opens (a 1h candle: 10:00 to 10:59:59.999). */
    private static final Duration CLOSE_BEFORE_NEXT_OPEN = Duration.ofMillis(1);

    public Interval {
        if (count <= 0 || "mhdwM".indexOf(unit) < 0) {
            throw new IllegalArgumentException("'" + count + unit + "' is not an interval");
        }
    }

    /** Any well-formed interval: {@code 15m}, {@code 4h}, {@code 1M}. */
    public static Interval parse(String code) {
        String c = code == null ? "" : code.trim();
        if (c.length() < 2 || !c.substring(0, c.length() - 1).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + code + "' is not an interval (1m, 5m, 15m, 1h, 4h, 1d, ...)");
        }
        try {
            return new Interval(Long.parseLong(c.substring(0, c.length() - 1)), c.charAt(c.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + code + "' is not an interval (1m, 5m, 15m, 1h, 4h, 1d, ...)");
        }
    }

    /** One of {@link #STORED}. */
    public static Interval stored(String code) {
        if (!isStored(code)) {
            throw new IllegalArgumentException("unknown interval '" + code + "' (expected one of "
                    + String.join(", ", storedCodes()) + ")");
        }
        return parse(code);
    }

    public static boolean isStored(String code) {
        return STORED_CODES.contains(code);
    }

    public static String[] storedCodes() {
        return STORED_CODES.toArray(String[]::new);
    }

    public static boolean isInResults(String code) {
        return RESULT_CODES.contains(code);
    }

    /** For messages: {@code 1m 3m 5m ...}. */
    public static String resultCodes() {
        return String.join(" ", RESULT_CODES);
    }

    public String code() {
        return Long.toString(count) + unit;
    }

    public boolean isFixedLength() {
        return unit != 'M';
    }

    /** @throws IllegalStateException for months, whose length varies */
    public long seconds() {
        return switch (unit) {
            case 'm' -> count * 60;
            case 'h' -> count * 3_600;
            case 'd' -> count * 86_400;
            case 'w' -> count * 7 * 86_400;
            default -> throw new IllegalStateException(code() + " has no fixed length");
        };
    }

    public long micros() {
        return seconds() * 1_000_000L;
    }

    public Duration length() {
        return Duration.ofSeconds(seconds());
    }

    /** When the candle opened at {@code open} closes: the next open minus one millisecond. */
    public Instant closeTime(Instant open) {
        Instant next = isFixedLength() ? open.plusSeconds(seconds())
                : open.atOffset(ZoneOffset.UTC).plusMonths(count).toInstant();
        return next.minus(CLOSE_BEFORE_NEXT_OPEN);
    }

    /** The first candle open at or after {@code t} (fixed lengths: candles open at multiples of the length). */
    public Instant ceil(Instant t) {
        long ms = seconds() * 1_000L;
        long at = t.toEpochMilli();
        long floor = Math.floorDiv(at, ms) * ms;
        boolean exact = floor == at && t.getNano() % 1_000_000 == 0;
        return Instant.ofEpochMilli(exact ? floor : floor + ms);
    }

    @Override
    public String toString() {
        return code();
    }

    private static List<Interval> list(String codes) {
        return Arrays.stream(codes.split(" ")).map(Interval::parse).toList();
    }

    private static List<String> codesOf(List<Interval> intervals) {
        return intervals.stream().map(Interval::code).toList();
    }
}
