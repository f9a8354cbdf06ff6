package com.tradebatch.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Times in result files: ISO-8601 with an offset ({@code 2025-01-02T03:04:05.123456Z}, {@code +02:00}, a space
 * instead of the {@code T} is accepted) or epoch numbers. An epoch value below 1e11 is seconds (fraction
 * allowed), below 1e14 milliseconds, otherwise microseconds. A time without an offset is refused: it could be
 * any zone.
 */
public final class TimeValues {

    private static final DateTimeFormatter ISO_SPACE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffsetId()
            .toFormatter();

    private TimeValues() {
    }

    public static Instant parse(String text) {
        String s = text.trim();
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-') && s.indexOf('-', 1) < 0
                && s.indexOf(':') < 0) {
            return epoch(s);
        }
        try {
            return OffsetDateTime.parse(s, s.indexOf('T') > 0 || s.indexOf('t') > 0
                    ? DateTimeFormatter.ISO_OFFSET_DATE_TIME : ISO_SPACE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time with an offset (e.g. "
                    + "2025-01-02T03:04:05Z) nor an epoch number");
        }
    }

    private static Instant epoch(String s) {
        BigDecimal v;
        try {
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not an epoch number");
        }
        BigDecimal abs = v.abs();
        BigDecimal micros;
        if (abs.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) {
            micros = v.movePointRight(6);
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) {
            micros = v.movePointRight(3);
        } else {
            micros = v;
        }
        long us = micros.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }
}
