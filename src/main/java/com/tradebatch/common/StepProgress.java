package com.tradebatch.common;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The progress of one step execution, the same for chunk steps and tasklets: done of total in the step's unit,
 * rows handled, rows/s, ETA. Each advance prints the line of {@link ProgressSnapshot} on the
 * {@code tradebatch.progress} logger (stderr) at most once per interval, and copies the figures into the step's
 * execution context under {@code progress.*}, so they are saved with the step and readable by others.
 * <p>
 * Chunk steps get one through {@link StepProgressListener}; a tasklet asks {@link StepProgressRegistry#of} for its
 * own, sets the total once it knows it and advances it after each database, table or period.
 */
public final class StepProgress {

    private static final Logger console = LoggerFactory.getLogger("tradebatch.progress");

    /** Execution context keys of the latest figures. */
    public static final String DONE = "progress.done";
    public static final String TOTAL = "progress.total";
    public static final String UNIT = "progress.unit";
    public static final String ROWS = "progress.rows";
    public static final String ROWS_PER_SECOND = "progress.rows-per-second";
    public static final String ETA_SECONDS = "progress.eta-seconds";
    /**
     * The figures last computed on the step's own thread. Other threads (the HTTP API) read this, never
     * {@link #snapshot()}: its position may come from a step-scoped reader, reachable only on the step's thread.
     */
    private volatile ProgressSnapshot latest;

    private final String step;
    private final String unit;
    private final LongSupplier position;
    private final LongSupplier totalSource;
    private final ExecutionContext context;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startNanos;
    private long lastLineNanos;
    private long done;
    private long doneBefore;
    private boolean resumed;
    private long total = ProgressSnapshot.UNKNOWN;
    private long rows;

    /**
     * @param position    how far along in {@code unit} when something else knows it (bytes of files read), or null:
     *                    then done is what {@link #advance} adds up
     * @param totalSource the whole in {@code unit} when something else knows it (-1 while unknown), or null: then
     *                    {@link #total(long)} sets it
     * @param context     the step's execution context the figures are copied into, or null
     */
    StepProgress(String step, String unit, LongSupplier position, LongSupplier totalSource, ExecutionContext context,
            Duration interval, LongSupplier nanoClock) {
        this.step = step;
        this.unit = unit;
        this.position = position;
        this.totalSource = totalSource;
        this.context = context;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
        this.startNanos = nanoClock.getAsLong();
        this.lastLineNanos = startNanos;
    }

    /** The whole, in the step's unit, once known. */
    public synchronized StepProgress total(long whole) {
        this.total = whole;
        publish(snapshot());
        return this;
    }

    /**
     * A resumed step: what an earlier execution already did (counted as done, not in this run's pace). Only the
     * first call of an execution counts, so a tasklet may say it on every pass.
     */
    public synchronized StepProgress resumedAt(long doneBefore) {
        if (!resumed) {
            resumed = true;
            this.doneBefore = doneBefore;
            this.done = doneBefore;
            publish(snapshot());
        }
        return this;
    }

    /** Rows handled, each one unit done (a chunk step counting rows). */
    public void advance(long moreRows) {
        advance(moreRows, moreRows);
    }

    /** {@code units} more done (a database, a table, a period), {@code moreRows} rows handled doing it. */
    public synchronized void advance(long units, long moreRows) {
        done += units;
        rows += moreRows;
        ProgressSnapshot now = snapshot();
        publish(now);
        long at = nanoClock.getAsLong();
        if (at - lastLineNanos >= intervalNanos) {
            lastLineNanos = at;
            console.info(now.line());
        }
    }

    public synchronized ProgressSnapshot snapshot() {
        Duration elapsed = Duration.ofNanos(Math.max(nanoClock.getAsLong() - startNanos, 1));
        long at = position == null ? done : position.getAsLong();
        long whole = totalSource == null ? total : totalSource.getAsLong();
        if (whole >= 0) {
            at = Math.min(at, whole);
        }
        double rate = rows / (elapsed.toNanos() / 1e9);
        return new ProgressSnapshot(step, at, whole < 0 ? ProgressSnapshot.UNKNOWN : whole, unit, rows, elapsed, rate,
                ProgressSnapshot.eta(elapsed, doneBefore, at, whole < 0 ? ProgressSnapshot.UNKNOWN : whole));
    }

    /** What {@link #latest} holds: the last figures the step published, or null before the first. */
    public ProgressSnapshot latest() {
        return latest;
    }

    void publish(ProgressSnapshot s) {
        latest = s;
        if (context == null) {
            return;
        }
        context.putLong(DONE, s.done());
        context.putLong(TOTAL, s.total());
        context.putString(UNIT, s.unit());
        context.putLong(ROWS, s.rows());
        context.putDouble(ROWS_PER_SECOND, s.rowsPerSecond());
        context.putLong(ETA_SECONDS, s.eta() == null ? ProgressSnapshot.UNKNOWN : s.eta().toSeconds());
    }
}
