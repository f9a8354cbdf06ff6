package com.tradebatch.common;

import java.time.Instant;

/**
 * The one span of times any import accepts: 1970-01-01 (included) to 2100-01-01 (excluded), UTC. Outside it a
 * time is a mistake (a wrong epoch unit, a typo in the year), and beyond year 9999 the trading system's models
 * could not even parse the stored text; so such a time rejects its line instead of being stored.
 */
public final class AcceptedTimeWindow {

    public static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
    /** Exclusive. */
    public static final Instant UNTIL = Instant.parse("2100-01-01T00:00:00Z");

    static final long FROM_MICROS = FROM.getEpochSecond() * 1_000_000L;
    static final long UNTIL_MICROS = UNTIL.getEpochSecond() * 1_000_000L;

    private AcceptedTimeWindow() {
    }

    public static boolean contains(long epochMicros) {
        return epochMicros >= FROM_MICROS && epochMicros < UNTIL_MICROS;
    }

    public static boolean contains(Instant t) {
        return !t.isBefore(FROM) && t.isBefore(UNTIL);
    }

    /** For messages: {@code 1970-01-01 .. 2100-01-01 UTC (end excluded)}. */
    public static String describe() {
        return FROM.toString().substring(0, 10) + " .. " + UNTIL.toString().substring(0, 10) + " UTC (end excluded)";
    }
}
