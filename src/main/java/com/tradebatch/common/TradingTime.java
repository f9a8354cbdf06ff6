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

    /** Years 1 to 9999: where the hand-built text below equals the formatter's (four-digit year of the era). */
    private static final long FIRST_FAST_SECOND = -62_135_596_800L;
    private static final long LAST_FAST_SECOND = 253_402_300_799L;

    /**
     * Six fraction digits, truncated (as the pattern's {@code SSSSSS}). Built by hand for years 1 to 9999: bulk loads
     * and migrations format two instants per row, and the formatter makes a zone-rules object per call.
     */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        if (second >= FIRST_FAST_SECOND && second <= LAST_FAST_SECOND) {
            return formatEpochMicros(second * 1_000_000L + instant.getNano() / 1_000);
        }
        return WRITE.format(instant);
    }

    public static String formatEpochMillis(long millis) {
        return format(Instant.ofEpochMilli(millis));
    }

    /**
     * The same text from epoch microseconds, built by hand: bulk loads format two times per row, and this is
     * several times faster than a {@link DateTimeFormatter}.
     */
    public static String formatEpochMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = new char[26];
        int y = t.getYear();
        if (y < 1 || y > 9999) {
            return WRITE.format(Instant.ofEpochSecond(seconds, fraction * 1000L));
        }
        digits(c, 0, y, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, fraction, 6);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Epoch microseconds of a stored DateTime text. */
    public static long parseToEpochMicros(String stored) {
        Instant i = parse(stored);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    /** Reads a stored DateTime text (UTC, fraction optional). */
    public static Instant parse(String stored) {
        return LocalDateTime.parse(stored.trim(), READ).toInstant(ZoneOffset.UTC);
    }

    public static String now() {
        return format(Instant.now());
    }
}
