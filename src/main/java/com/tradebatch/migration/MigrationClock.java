package com.tradebatch.migration;

import java.time.Instant;

import com.tradebatch.common.TradingTime;

/** The instant this process started migrating: the created_at of rows the legacy table has no creation time for. */
final class MigrationClock {

    private static final Instant STARTED = Instant.now();
    private static final String STARTED_TEXT = TradingTime.format(STARTED);

    private MigrationClock() {
    }

    static Instant started() {
        return STARTED;
    }

    /** {@link #started()} as DateTime text, formatted once. */
    static String startedText() {
        return STARTED_TEXT;
    }
}
