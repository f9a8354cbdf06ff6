package com.tradebatch.common;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a step stands: {@code done} of {@code total} (-1 when unknown) in its unit (bytes, rows, databases, ...),
 * the rows it handled, rows/s and the estimated time left (null when unknown). One line format for every step.
 */
public record ProgressSnapshot(String step, long done, long total, String unit, long rows, Duration elapsed,
        double rowsPerSecond, Duration eta) {

    public static final long UNKNOWN = -1;

    /**
     * {@code <step>: <done>/<total> <unit> (<pct>%), <rows> rows, <rate> rows/s, ETA <h:mm:ss>}, with {@code ?}
     * for what is not known (total, % and ETA of a step whose total is unknown).
     */
    public String line() {
        boolean known = total >= 0;
        return String.format(Locale.ROOT, "%s: %,d/%s %s (%s%%), %,d rows, %,.0f rows/s, ETA %s", step, done,
                known ? String.format(Locale.ROOT, "%,d", total) : "?", unit,
                known ? String.format(Locale.ROOT, "%.1f", percent()) : "?", rows, rowsPerSecond,
                eta == null ? "?" : clock(eta));
    }

    /** Share done, 0-100; 100 for an empty whole. */
    public double percent() {
        return total <= 0 ? 100 : Math.min(done, total) * 100.0 / total;
    }

    /**
     * Time left when the rest goes at this run's pace: elapsed x remaining / done in this run. Null when the
     * total is unknown or nothing was done yet in this run (no pace to go by).
     *
     * @param doneBefore what an earlier execution had done (a resumed step), not counted in this run's pace
     */
    public static Duration eta(Duration elapsed, long doneBefore, long done, long total) {
        if (total < 0) {
            return null;
        }
        long remaining = Math.max(total - done, 0);
        if (remaining == 0) {
            return Duration.ZERO;
        }
        long doneNow = done - doneBefore;
        if (doneNow <= 0) {
            return null;
        }
        return Duration.ofNanos(Math.round((double) elapsed.toNanos() * remaining / doneNow));
    }

    /** h:mm:ss, rounded to the second (hours are not capped at 24). */
    static String clock(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
