package com.tradebatch.common;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one reader of times in input files, used by every import: an epoch number (seconds, milliseconds,
 * microseconds or nanoseconds, see {@link EpochUnit}; a fraction and an exponent are allowed) or ISO-8601 text
 * ({@code 2025-01-02T03:04:05Z}, {@code 2025-01-02 05:04:05.123+02:00}; a space may replace the {@code T}). The
 * time must lie in {@link AcceptedTimeWindow}. Every failure, overflow included, is an
 * {@link IllegalArgumentException} saying why, which the caller turns into a rejected line.
 */
public final class EpochOrIsoTime {

    /** What ISO text without an offset means: UTC (exchange candle files), or nothing (result files: any zone). */
    public enum Zoneless { UTC, REJECTED }

    /** A plain integer of up to this many digits fits a long; longer ones take the exact (BigDecimal) path. */
    private static final int LONG_SAFE_DIGITS = 18;
    private static final Pattern EPOCH_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private final EpochUnit unit;
    private final Zoneless zoneless;

    public EpochOrIsoTime(EpochUnit unit, Zoneless zoneless) {
        this.unit = unit;
        this.zoneless = zoneless;
    }

    public Instant parse(String text) {
        long micros = toEpochMicros(text);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Epoch microseconds of the time, inside the accepted window. */
    public long toEpochMicros(String text) {
        String v = text == null ? "" : text.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        if (isPlainInteger(v)) {
            return fromLong(v, Long.parseLong(v));
        }
        if (EPOCH_NUMBER.matcher(v).matches()) {
            return fromDecimal(v, new BigDecimal(v));
        }
        return fromIso(v);
    }

    /** Fast path for the common case (bulk candle files): an integer that cannot overflow a long. */
    private static boolean isPlainInteger(String v) {
        int start = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        int digits = v.length() - start;
        if (digits == 0 || digits > LONG_SAFE_DIGITS) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private long fromLong(String text, long n) {
        EpochUnit u = unit.resolve(n);
        long micros;
        try {
            micros = u.toMicros(n);
        } catch (ArithmeticException overflow) {
            throw outsideWindow(text, u);
        }
        return inWindow(text, u, micros);
    }

    private long fromDecimal(String text, BigDecimal n) {
        EpochUnit u = unit.resolve(n);
        BigDecimal micros = u.toMicros(n);
        // compared before narrowing to a long: 1e20 or 99999999999999999999 must reject, never overflow
        if (micros.compareTo(BigDecimal.valueOf(AcceptedTimeWindow.FROM_MICROS)) < 0
                || micros.compareTo(BigDecimal.valueOf(AcceptedTimeWindow.UNTIL_MICROS)) >= 0) {
            throw outsideWindow(text, u);
        }
        return micros.longValueExact();
    }

    private long fromIso(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        long micros;
        try {
            TemporalAccessor parsed = ISO.parse(t);
            LocalDate date = parsed.query(TemporalQueries.localDate());
            LocalTime time = parsed.query(TemporalQueries.localTime());
            ZoneOffset offset = parsed.query(TemporalQueries.offset());
            if (offset == null && zoneless == Zoneless.REJECTED) {
                throw new IllegalArgumentException(notIso(text));
            }
            Instant i = date.atTime(time == null ? LocalTime.MIDNIGHT : time)
                    .toInstant(offset == null ? ZoneOffset.UTC : offset);
            if (!AcceptedTimeWindow.contains(i)) {
                throw new IllegalArgumentException("'" + text + "' is outside the accepted time window "
                        + AcceptedTimeWindow.describe());
            }
            micros = i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(notIso(text));
        }
        return micros;
    }

    private long inWindow(String text, EpochUnit u, long micros) {
        if (!AcceptedTimeWindow.contains(micros)) {
            throw outsideWindow(text, u);
        }
        return micros;
    }

    private String notIso(String text) {
        return zoneless == Zoneless.REJECTED
                ? "'" + text + "' is not an ISO-8601 time with an offset (e.g. 2025-01-02T03:04:05Z) nor an epoch number"
                : "'" + text + "' is neither an ISO-8601 time nor an epoch number";
    }

    private static IllegalArgumentException outsideWindow(String text, EpochUnit u) {
        return new IllegalArgumentException("'" + text + "' (epoch " + u.description()
                + ") is outside the accepted time window " + AcceptedTimeWindow.describe());
    }
}
