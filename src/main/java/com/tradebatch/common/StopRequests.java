package com.tradebatch.common;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * For tasklets that work through several databases in one go (backup, optimize, integrity-check, db-stats,
 * export-sql): a stop asked for while one database is in hand takes effect before the next, so the step ends
 * STOPPED with the finished databases done and the rest left for the resumed run.
 */
public final class StopRequests {

    private StopRequests() {
    }

    /** Throws when the job was asked to stop; {@code next} says what would have come next, for the message. */
    public static void checkBefore(ChunkContext context, String next) throws JobInterruptedException {
        StepExecution step = context.getStepContext().getStepExecution();
        if (step.isTerminateOnly() || step.getJobExecution().getStatus() == BatchStatus.STOPPING) {
            throw new JobInterruptedException("stopped before " + next);
        }
    }
}
