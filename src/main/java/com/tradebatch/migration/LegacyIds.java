package com.tradebatch.migration;

import java.util.UUID;

/**
 * INTEGER ids for rows whose legacy id is a UUID ({@code pattern_detections}, {@code ai_predictions}): the UUID's
 * leading 52 bits, so the same source row always gets the same id (a re-run updates it instead of adding one), the
 * id stays exact in a JSON number (&lt; 2^53), and the trading system's next autoincrement id stays far below
 * SQLite's limit. Two UUIDs agreeing on their first 52 bits would share a row; the verification would show it.
 */
public final class LegacyIds {

    private static final long MASK = (1L << 52) - 1;

    private LegacyIds() {
    }

    public static long of(String uuid) {
        long id = UUID.fromString(uuid).getMostSignificantBits() >>> 12 & MASK;
        return id == 0 ? 1 : id;
    }
}
