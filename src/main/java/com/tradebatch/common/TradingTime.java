package com.tradebatch.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The trading system's DateTime storage format: what SQLAlchemy writes for {@code DateTime(timezone=True)} into
 * SQLite, UTC text {@code YYYY-MM-DD HH:MM:SS.ffffff}. Every time value tradebatch writes to the three
 * databases goes through {@link #format(Instant)}, so lexical order stays time order.
 */
public final class TradingTime {

    /** Always six fraction digits on write. */
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /** Fraction optional on read, as the system's models accept (server_default=now() gives none). */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private TradingTime() {
    }

    public static String format(Instant instant) {
        return WRITE.format(instant);
    }

    public static String formatEpochMillis(long millis) {
        return format(Instant.ofEpochMilli(millis));
    }

    /** Reads a stored DateTime text (UTC, fraction optional). */
    public static Instant parse(String stored) {
        return LocalDateTime.parse(stored.trim(), READ).toInstant(ZoneOffset.UTC);
    }

    public static String now() {
        return format(Instant.now());
    }
}
