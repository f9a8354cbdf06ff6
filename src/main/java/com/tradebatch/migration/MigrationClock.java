package com.tradebatch.migration;

import java.time.Instant;

/** The instant this process started migrating: the created_at of rows the legacy table has no creation time for. */
final class MigrationClock {

    private static final Instant STARTED = Instant.now();

    private MigrationClock() {
    }

    static Instant started() {
        return STARTED;
    }
}
