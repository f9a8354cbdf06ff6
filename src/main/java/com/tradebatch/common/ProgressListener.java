package com.tradebatch.common;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Plugs a {@link ProgressReporter} into a chunk step: counts what each chunk wrote. Register it with
 * {@code .listener(progressListener)} on the step; it is step-scoped by whoever builds it.
 */
public class ProgressListener<T> implements ItemWriteListener<T>, StepExecutionListener {

    private final String label;
    private final LongSupplier position;
    private final LongSupplier total;
    private final String unit;
    private final Duration interval;
    private ProgressReporter reporter;

    public ProgressListener(String label, LongSupplier position, LongSupplier total, String unit, Duration interval) {
        this.label = label;
        this.position = position;
        this.total = total;
        this.unit = unit;
        this.interval = interval;
    }

    /** Rows only, no known total. */
    public static <T> ProgressListener<T> rows(String label) {
        return new ProgressListener<>(label, null, null, "rows", ProgressReporter.DEFAULT_INTERVAL);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        reporter = new ProgressReporter(label, position, total, unit, interval);
    }

    @Override
    public void afterWrite(Chunk<? extends T> items) {
        if (reporter != null) {
            reporter.advance(items.size());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        return null;
    }
}
