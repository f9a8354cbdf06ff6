package com.tradebatch.common;

import java.util.function.LongSupplier;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Registers a step's {@link StepProgress} for its execution, the same way on every step: {@code .listener(...)}
 * with one from {@link StepProgressRegistry}. On a chunk step it counts what each chunk wrote; a tasklet advances
 * the progress itself. Holds no state of its own, so one instance can serve every execution of its step.
 */
public class StepProgressListener<T> implements ItemWriteListener<T>, StepExecutionListener {

    private final StepProgressRegistry registry;
    private final String unit;
    private final LongSupplier position;
    private final LongSupplier total;

    StepProgressListener(StepProgressRegistry registry, String unit, LongSupplier position, LongSupplier total) {
        this.registry = registry;
        this.unit = unit;
        this.position = position;
        this.total = total;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        registry.start(stepExecution, unit, position, total);
    }

    @Override
    public void afterWrite(Chunk<? extends T> items) {
        var context = StepSynchronizationManager.getContext();
        if (context != null) {
            registry.of(context.getStepExecution()).advance(items.size());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        registry.finish(stepExecution);
        return null;
    }
}
