package com.tradebatch.common;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The progress of every running step of this process, by step execution id: {@link StepProgressListener} adds a
 * step's when it starts and removes it when it ends; tasklets advance theirs; whoever shows running executions
 * (an HTTP API) reads {@link #snapshot}.
 */
@Component
public class StepProgressRegistry {

    private final Map<Long, StepProgress> running = new ConcurrentHashMap<>();
    private final ProgressProperties properties;

    public StepProgressRegistry(ProgressProperties properties) {
        this.properties = properties;
    }

    /** A listener for a chunk step that counts rows, total unknown. */
    public <T> StepProgressListener<T> rows() {
        return new StepProgressListener<>(this, "rows", null, null);
    }

    /**
     * A listener for a step whose position and total someone else knows (a reader: bytes of files, rows of a table),
     * or a tasklet that sets them itself (both null).
     */
    public <T> StepProgressListener<T> listener(String unit, LongSupplier position, LongSupplier total) {
        return new StepProgressListener<>(this, unit, position, total);
    }

    /** A listener for a tasklet that advances its progress in {@code unit} (databases, series, statements). */
    public <T> StepProgressListener<T> tasklet(String unit) {
        return new StepProgressListener<>(this, unit, null, null);
    }

    StepProgress start(StepExecution step, String unit, LongSupplier position, LongSupplier total) {
        StepProgress progress = new StepProgress(step.getStepName(), unit, position, total, step.getExecutionContext(),
                properties.interval(), System::nanoTime);
        running.put(step.getId(), progress);
        return progress;
    }

    void finish(StepExecution step) {
        StepProgress progress = running.remove(step.getId());
        if (progress != null) {
            progress.publish(progress.snapshot()); // the last figures stay with the step
        }
    }

    /** The progress of a running step; its step must register a {@link StepProgressListener}. */
    public StepProgress of(StepExecution step) {
        StepProgress progress = running.get(step.getId());
        if (progress == null) {
            throw new IllegalStateException("step " + step.getStepName() + " has no progress listener");
        }
        return progress;
    }

    /** Where a running step stood at its last update (any thread may ask), or empty when it is not running here. */
    public Optional<ProgressSnapshot> snapshot(long stepExecutionId) {
        return Optional.ofNullable(running.get(stepExecutionId)).map(StepProgress::latest);
    }

    /** Every running step of this process, by step execution id. */
    public Map<Long, ProgressSnapshot> running() {
        Map<Long, ProgressSnapshot> all = new TreeMap<>();
        running.forEach((id, p) -> {
            if (p.latest() != null) {
                all.put(id, p.latest());
            }
        });
        return all;
    }
}
