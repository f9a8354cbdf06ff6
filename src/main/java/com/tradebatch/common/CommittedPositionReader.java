package com.tradebatch.common;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a chunk step's restart position from running ahead of the data it wrote.
 * <p>
 * A step that writes one of the three stores commits its chunk there, but Spring Batch saves the reader's
 * position (and the step's counts) in the batch store, in a transaction of its own that commits first. A data
 * commit that then fails (disk full, I/O error, a kill between the two) would leave a saved position past rows
 * that never landed: the restart would skip them for good. This reader saves, at each chunk, the position of the
 * last chunk whose data commit <em>succeeded</em> (learnt from the data transaction's own after-commit
 * callback) and, once that commit is done, the new position too: a restart after a failure resumes right after
 * the last committed chunk, and after a kill between the two commits it re-reads at most one chunk that landed.
 * Every writer of ours is idempotent (an upsert on the natural key, a period's rows replaced, an update by id),
 * so re-reading it duplicates nothing.
 * <p>
 * For the same reason the step's write count is set back to its last committed value when a data commit fails,
 * so a summary never counts a rolled-back chunk as written.
 * <p>
 * Wrap the reader of every chunk step whose transaction manager is not the batch store's:
 * {@code .reader(CommittedPositionReader.of(reader))}. The wrapper is shared by all executions of its step
 * (the step bean is a singleton), so its state is kept per step execution.
 */
public final class CommittedPositionReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> delegate;
    private final Map<Long, Committed> byExecution = new ConcurrentHashMap<>();

    /** What the last successful data commit covered: the reader's position and the step's write count. */
    private static final class Committed {
        volatile Map<String, Object> position;
        volatile long writeCount;

        Committed(Map<String, Object> position, long writeCount) {
            this.position = position;
            this.writeCount = writeCount;
        }
    }

    private CommittedPositionReader(ItemStreamReader<T> delegate) {
        this.delegate = delegate;
    }

    public static <T> CommittedPositionReader<T> of(ItemStreamReader<T> delegate) {
        return new CommittedPositionReader<>(delegate);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        delegate.open(context);
        // what a restart starts from was saved by an earlier execution: its data is committed by construction
        ExecutionContext probe = new ExecutionContext();
        delegate.update(probe);
        Map<String, Object> restored = new HashMap<>();
        for (String key : keys(probe).keySet()) {
            if (context.containsKey(key)) {
                restored.put(key, context.get(key));
            }
        }
        StepExecution step = currentStep();
        byExecution.put(step.getId(), new Committed(restored, step.getWriteCount()));
    }

    @Override
    public T read() throws Exception {
        return delegate.read();
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        ExecutionContext probe = new ExecutionContext();
        delegate.update(probe);
        Map<String, Object> current = keys(probe);
        StepExecution step = currentStep();
        Committed committed = byExecution.get(step.getId());
        if (committed == null) {
            current.forEach(context::put); // not opened through this wrapper: nothing to guard
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // no data transaction to wait for: what was written is already durable
            committed.position = current;
            committed.writeCount = step.getWriteCount();
        } else {
            long writeCount = step.getWriteCount();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        committed.position = current;
                        committed.writeCount = writeCount;
                        // saved with the step's next update or when it ends (a failed step saves its context
                        // too): only a kill before either leaves the position one chunk behind
                        current.forEach(context::put);
                    } else {
                        step.setWriteCount(committed.writeCount);
                    }
                }
            });
        }
        for (String key : current.keySet()) {
            context.remove(key);
        }
        committed.position.forEach(context::put);
    }

    @Override
    public void close() throws ItemStreamException {
        try {
            delegate.close();
        } finally {
            StepContext context = StepSynchronizationManager.getContext();
            if (context != null) {
                byExecution.remove(context.getStepExecution().getId());
            }
        }
    }

    private static Map<String, Object> keys(ExecutionContext context) {
        Map<String, Object> copy = new HashMap<>();
        for (Map.Entry<String, Object> e : context.entrySet()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }

    private static StepExecution currentStep() {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            throw new IllegalStateException("CommittedPositionReader used outside a step");
        }
        return context.getStepExecution();
    }
}
