package com.tradebatch.common;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The unit of an epoch number: forced ({@code s}, {@code ms}, {@code us}, {@code ns}) or {@code auto}, by
 * magnitude. Within the accepted window (1970..2100) seconds stay below 1e11, milliseconds below 1e14,
 * microseconds below 1e17: those bounds sit decades away from any real value of the next unit, so the guess is
 * safe (Binance spot files switched from ms to µs on 2025-01-01; some producers write ns).
 */
public enum EpochUnit {
    AUTO(0, "auto"), S(6, "seconds"), MS(3, "milliseconds"), US(0, "microseconds"), NS(-3, "nanoseconds");

    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = 100_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;

    /** Decimal places to move the point right to get microseconds. */
    private final int toMicrosShift;
    private final String description;

    EpochUnit(int toMicrosShift, String description) {
        this.toMicrosShift = toMicrosShift;
        this.description = description;
    }

    /** {@code auto}, {@code s}, {@code ms}, {@code us}, {@code ns} (any case). */
    public static EpochUnit of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** This unit, or for {@link #AUTO} the one the magnitude of {@code n} says. */
    EpochUnit resolve(long n) {
        if (this != AUTO) {
            return this;
        }
        long abs = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n);
        return abs < SECONDS_BELOW ? S : abs < MILLIS_BELOW ? MS : abs < MICROS_BELOW ? US : NS;
    }

    EpochUnit resolve(BigDecimal n) {
        if (this != AUTO) {
            return this;
        }
        BigDecimal abs = n.abs();
        return abs.compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0 ? S
                : abs.compareTo(BigDecimal.valueOf(MILLIS_BELOW)) < 0 ? MS
                : abs.compareTo(BigDecimal.valueOf(MICROS_BELOW)) < 0 ? US : NS;
    }

    /** Exact microseconds (sub-microsecond digits dropped, as the stored text has six fraction digits). */
    BigDecimal toMicros(BigDecimal n) {
        return n.movePointRight(toMicrosShift).setScale(0, java.math.RoundingMode.FLOOR);
    }

    /** @throws ArithmeticException when the result does not fit a long (far outside any accepted time) */
    long toMicros(long n) {
        return switch (this) {
            case S -> Math.multiplyExact(n, 1_000_000L);
            case MS -> Math.multiplyExact(n, 1_000L);
            case US -> n;
            case NS -> Math.floorDiv(n, 1_000L);
            case AUTO -> throw new IllegalStateException("resolve the unit first");
        };
    }
}
