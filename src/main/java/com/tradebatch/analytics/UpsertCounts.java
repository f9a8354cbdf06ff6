package com.tradebatch.analytics;

import java.util.EnumMap;
import java.util.Map;

import com.tradebatch.analytics.KeyedUpsert.Outcome;

/** How many rows a loading step inserted, updated and found unchanged, for the job report. */
public final class UpsertCounts {

    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);

    public synchronized void add(Outcome outcome) {
        counts.merge(outcome, 1L, Long::sum);
    }

    public synchronized long get(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public synchronized String describe(String table) {
        return String.format(java.util.Locale.ROOT, "%s: %,d inserted, %,d updated, %,d unchanged", table,
                get(Outcome.INSERTED), get(Outcome.UPDATED), get(Outcome.UNCHANGED));
    }
}
