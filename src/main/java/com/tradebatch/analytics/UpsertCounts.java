package com.tradebatch.analytics;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.tradebatch.analytics.KeyedUpsertWriter.Outcome;

/**
 * How many rows a loading step inserted, updated and found unchanged, for the job report. Outcomes counted inside
 * a transaction only count once it commits: a chunk rolled back (a failed commit, a disk full) is not reported
 * as written.
 */
public final class UpsertCounts {

    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    /** Outcomes of the transaction in progress, per transaction (null when none is pending). */
    private Map<Outcome, Long> pending;

    public synchronized void add(Outcome outcome) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counts.merge(outcome, 1L, Long::sum);
            return;
        }
        if (pending == null) {
            Map<Outcome, Long> tally = new EnumMap<>(Outcome.class);
            pending = tally;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    settle(tally, status == STATUS_COMMITTED);
                }
            });
        }
        pending.merge(outcome, 1L, Long::sum);
    }

    private synchronized void settle(Map<Outcome, Long> tally, boolean committed) {
        if (committed) {
            tally.forEach((outcome, n) -> counts.merge(outcome, n, Long::sum));
        }
        if (pending == tally) {
            pending = null;
        }
    }

    public synchronized long get(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public synchronized String describe(String table) {
        return String.format(java.util.Locale.ROOT, "%s: %,d inserted, %,d updated, %,d unchanged", table,
                get(Outcome.INSERTED), get(Outcome.UPDATED), get(Outcome.UNCHANGED));
    }
}
