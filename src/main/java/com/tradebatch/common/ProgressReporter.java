package com.tradebatch.common;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long step for the person watching: rows, rows/s and, when the total is known, % done and ETA.
 * Says it at most once per interval, on the {@code tradebatch.progress} logger (stderr and the log file).
 */
public class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger("tradebatch.progress");
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final String label;
    private final LongSupplier position;
    private final LongSupplier total;
    private final String unit;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastReportNanos = startNanos;
    private long rows;

    /**
     * @param position how far along, in the unit of {@code total} (bytes of files, rows of a table), or null
     * @param total    the whole, or null / negative when unknown
     * @param unit     what position and total count, for the message ("bytes", "rows")
     */
    public ProgressReporter(String label, LongSupplier position, LongSupplier total, String unit, Duration interval) {
        this.label = label;
        this.position = position;
        this.total = total;
        this.unit = unit;
        this.intervalNanos = interval.toNanos();
    }

    public synchronized void advance(long moreRows) {
        rows += moreRows;
        long now = System.nanoTime();
        if (now - lastReportNanos >= intervalNanos) {
            lastReportNanos = now;
            log.info(message(now));
        }
    }

    public synchronized long rows() {
        return rows;
    }

    String message(long now) {
        double seconds = Math.max(now - startNanos, 1) / 1e9;
        double rate = rows / seconds;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d rows, %,.0f rows/s", label, rows, rate));
        long whole = total == null ? -1 : total.getAsLong();
        if (position != null && whole > 0) {
            long at = Math.min(position.getAsLong(), whole);
            double fraction = (double) at / whole;
            sb.append(String.format(Locale.ROOT, ", %.1f%% of %,d %s", fraction * 100, whole, unit));
            if (fraction > 0) {
                long eta = Math.round(seconds * (1 - fraction) / fraction);
                sb.append(String.format(Locale.ROOT, ", ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
            }
        }
        return sb.toString();
    }
}
