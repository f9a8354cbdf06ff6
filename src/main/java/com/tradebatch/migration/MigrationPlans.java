package com.tradebatch.migration;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The plan each job execution of this process worked out in its plan step, so that its table steps (progress
 * totals) and its verification (the report's table list and counts) do not list and {@code count(*)} the legacy
 * tables again: at 10M rows each count is a scan of the table. A restarted execution whose plan step is already
 * complete (a new process) finds none here and works the plan out again.
 */
@Component
public class MigrationPlans {

    private final Map<Long, MigrationPlan> byExecution = new ConcurrentHashMap<>();

    /** The plan of this job execution: the one its plan step made, else a new one. */
    public MigrationPlan of(long jobExecutionId, LegacySource legacy, Set<String> selected) {
        return byExecution.computeIfAbsent(jobExecutionId, id -> MigrationPlan.of(legacy, selected));
    }

    /** The rows the plan of this execution counted in a table, if that plan was made in this process. */
    public Optional<Long> rows(long jobExecutionId, String table) {
        MigrationPlan plan = byExecution.get(jobExecutionId);
        return plan == null ? Optional.empty()
                : plan.tables().stream().filter(e -> e.mapping().source().equals(table)).map(MigrationPlan.Entry::rows).findFirst();
    }

    /** Forgets an execution's plan (its last step, the verification, is done with it). */
    public void forget(long jobExecutionId) {
        byExecution.remove(jobExecutionId);
    }
}
