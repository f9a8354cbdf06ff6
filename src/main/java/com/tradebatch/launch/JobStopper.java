package com.tradebatch.launch;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Stops the jobs running in this process the way Spring Batch means it: {@code JobOperator.stop} on the very
 * execution objects the jobs' threads work on, so a chunk step ends STOPPED at its next chunk boundary (the chunk
 * in progress commits) and a tasklet that loops over databases ends between two of them (see
 * {@link com.tradebatch.common.StopRequests}). A stopped execution is resumed by running the same command again.
 */
@Component
public class JobStopper {

    private static final Logger log = LoggerFactory.getLogger(JobStopper.class);

    private final JobOperator jobOperator;
    private final LiveExecutions live;

    public JobStopper(JobOperator jobOperator, LiveExecutions live) {
        this.jobOperator = jobOperator;
        this.live = live;
    }

    /** Asks every execution running in this process to stop; returns those asked. */
    public List<JobExecution> stopAll() {
        List<JobExecution> running = live.running();
        for (JobExecution execution : running) {
            try {
                log.info("stopping {} execution {}", execution.getJobInstance().getJobName(), execution.getId());
                jobOperator.stop(execution);
            } catch (Exception e) {
                log.warn("could not stop execution {}: {}", execution.getId(), e.getMessage());
            }
        }
        return running;
    }

    /**
     * Asks one execution running in this process to stop at its next chunk boundary (it ends STOPPED).
     *
     * @return false when that execution is not running in this process
     */
    public boolean stop(long executionId) {
        return live.running(executionId).map(execution -> {
            log.info("stopping {} execution {}", execution.getJobInstance().getJobName(), execution.getId());
            try {
                jobOperator.stop(execution);
            } catch (Exception e) {
                throw new IllegalStateException("could not stop execution " + executionId + ": " + e.getMessage(), e);
            }
            return true;
        }).orElse(false);
    }

    public boolean isRunningHere(long executionId) {
        return live.running(executionId).isPresent();
    }

    public boolean anyRunning() {
        return !live.running().isEmpty();
    }
}
