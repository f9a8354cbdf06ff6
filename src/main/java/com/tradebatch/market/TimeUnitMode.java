package com.tradebatch.market;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How epoch numbers in a file are read: {@code auto} by magnitude (seconds, milliseconds or microseconds:
 * Binance spot files switched from ms to µs on 2025-01-01), or fixed. ISO-8601 text is read in every mode.
 * Everything becomes epoch microseconds.
 */
public enum TimeUnitMode {
    AUTO, S, MS, US;

    /** Below this an epoch number is seconds (until year 5138), below the next milliseconds, then microseconds. */
    private static final long MAX_SECONDS = 100_000_000_000L;
    private static final long MAX_MILLIS = 100_000_000_000_000L;
    private static final long MAX_MICROS = 100_000_000_000_000_000L;

    public static TimeUnitMode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** @throws IllegalArgumentException with the reason the value is not a time */
    public long toMicros(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        char first = v.charAt(0);
        if (v.indexOf('-', 1) > 0 || v.indexOf(':') > 0) {
            return isoToMicros(v);
        }
        if (!(Character.isDigit(first) || first == '-' || first == '+')) {
            throw new IllegalArgumentException("'" + v + "' is not a time");
        }
        if (v.indexOf('.') >= 0 || v.indexOf('e') >= 0 || v.indexOf('E') >= 0) {
            double d = Double.parseDouble(v);
            return switch (this) {
                case S -> Math.round(d * 1_000_000);
                case MS -> Math.round(d * 1_000);
                case US -> Math.round(d);
                case AUTO -> autoMicros(Math.round(d), d);
            };
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a time");
        }
        return switch (this) {
            case S -> Math.multiplyExact(n, 1_000_000L);
            case MS -> Math.multiplyExact(n, 1_000L);
            case US -> n;
            case AUTO -> autoMicros(n, n);
        };
    }

    private static long autoMicros(long n, double exact) {
        long abs = Math.abs(n);
        if (abs < MAX_SECONDS) {
            return Math.round(exact * 1_000_000);
        }
        if (abs < MAX_MILLIS) {
            return Math.round(exact * 1_000);
        }
        if (abs < MAX_MICROS) {
            return n;
        }
        return n / 1_000; // nanoseconds
    }

    /** ISO-8601 with offset ({@code 2023-03-01 00:00:00+00:00}, {@code ...Z}); without one it is taken as UTC. */
    static long isoToMicros(String v) {
        String t = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
            }
            char last = t.charAt(t.length() - 1);
            boolean offset = last == 'Z' || last == 'z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
            if (offset) {
                OffsetDateTime odt = OffsetDateTime.parse(t);
                return odt.toEpochSecond() * 1_000_000L + odt.getNano() / 1_000;
            }
            LocalDateTime ldt = LocalDateTime.parse(t);
            return ldt.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + ldt.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not an ISO-8601 time");
        }
    }
}
