package com.tradebatch.launch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;
import com.tradebatch.store.StoreMigrator;

/**
 * Launches and restarts jobs through Spring Batch's {@link JobOperator}.
 * <p>
 * Every launch carries the declared parameters (defaults filled in) plus a {@code run.id}, so a job can run
 * again with the same parameters. {@code run} with the same parameters as a FAILED or STOPPED execution
 * resumes that one instead (same instance: Batch continues where it stopped). An execution left STARTED by
 * a process that is gone is first recovered (marked FAILED) so it can be restarted.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** Messages for the person at the terminal (stderr), like progress. */
    private static final Logger console = LoggerFactory.getLogger("tradebatch.progress");
    public static final String RUN_ID = "run.id";
    /** How far back {@code run} looks for a failed run with the same parameters to resume. */
    private static final int RESUME_LOOKBACK = 50;
    /** How long a launch may take to stamp its owner before an unstamped running execution counts as crashed. */
    private static final Duration UNSTAMPED_GRACE = Duration.ofMinutes(1);
    private static final Set<BatchStatus> RESUMABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

    private final JobCatalog catalog;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final StoreMigrator storeMigrator;

    public JobRunner(JobCatalog catalog, JobOperator jobOperator, JobRepository jobRepository,
            StoreMigrator storeMigrator) {
        this.catalog = catalog;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.storeMigrator = storeMigrator;
    }

    /** Validates the words against the job's declared parameters; throws {@link UsageException} when wrong. */
    public Map<String, String> parameters(String jobName, List<String> words) {
        JobSpec spec = catalog.spec(jobName);
        return LaunchParameters.parse(spec, words);
    }

    public JobExecution run(String jobName, Map<String, String> values) {
        Job job = catalog.job(jobName);
        storeMigrator.migrateAll();
        JobExecution resumable = findResumable(jobName, values);
        if (resumable != null) {
            console.info("{}: resuming execution {} ({}), which had the same parameters", jobName, resumable.getId(),
                    resumable.getStatus().isRunning() ? "left running by a process that is gone" : resumable.getStatus());
            return restart(resumable);
        }
        JobParametersBuilder builder = new JobParametersBuilder();
        values.forEach(builder::addString);
        builder.addString(RUN_ID, LocalDateTime.now().format(RUN_ID_TIME) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
        try {
            return jobOperator.start(job, builder.toJobParameters());
        } catch (InvalidJobParametersException e) {
            throw new UsageException(e.getMessage()); // the job's own validator: same message as parse()
        } catch (Exception e) {
            throw new IllegalStateException(jobName + " could not start: " + e.getMessage(), e);
        }
    }

    /** The execution with this id, or a usage error naming it. */
    public JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new UsageException("no execution " + executionId + " (see 'tradebatch executions')");
        }
        return execution;
    }

    public JobExecution restart(long executionId) {
        JobExecution execution = execution(executionId);
        catalog.job(execution.getJobInstance().getJobName());
        storeMigrator.migrateAll();
        return restart(execution);
    }

    private JobExecution restart(JobExecution execution) {
        String name = execution.getJobInstance().getJobName();
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            throw new UsageException("execution " + execution.getId() + " of " + name + " is not the last one of its run: "
                    + "restart execution " + last.getId() + " (" + last.getStatus() + ") instead");
        }
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            throw new UsageException("execution " + execution.getId() + " of " + name
                    + " COMPLETED: nothing to restart (use 'run' to run the job again)");
        }
        if (status == BatchStatus.ABANDONED) {
            throw new UsageException("execution " + execution.getId() + " of " + name + " was abandoned and cannot restart");
        }
        if (status.isRunning()) {
            if (!isOrphaned(execution)) {
                throw new AlreadyRunningException("execution " + execution.getId() + " of " + name + " is still running"
                        + ExecutionOwner.of(execution).map(o -> " in process " + o.pid()).orElse(""));
            }
            log.warn("{}: execution {} was left {} by a process that is gone; marking it FAILED to restart it", name,
                    execution.getId(), status);
            execution = jobOperator.recover(execution);
        }
        try {
            return jobOperator.restart(execution);
        } catch (Exception e) {
            if (e instanceof JobExecutionAlreadyRunningException) {
                throw new AlreadyRunningException(name + " execution " + execution.getId() + " is already running");
            }
            throw new IllegalStateException(name + " execution " + execution.getId() + " could not restart: "
                    + e.getMessage(), e);
        }
    }

    /** The last execution of a recent run of this job with exactly these parameters, if it can be resumed. */
    private JobExecution findResumable(String jobName, Map<String, String> values) {
        List<JobInstance> instances = jobRepository.getJobInstances(jobName, 0, RESUME_LOOKBACK);
        for (JobInstance instance : instances) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null || !userParameters(last.getJobParameters()).equals(values)) {
                continue;
            }
            boolean stale = last.getStatus().isRunning() && isOrphaned(last);
            if (last.getStatus().isRunning() && !stale) {
                throw new AlreadyRunningException(jobName + " with these parameters is already running as execution "
                        + last.getId());
            }
            return RESUMABLE.contains(last.getStatus()) || stale ? last : null;
        }
        return null;
    }

    /**
     * True when the process that ran this execution is gone. An execution not yet stamped with its owner is
     * being launched right now, unless it was created longer ago than any launch takes.
     */
    private static boolean isOrphaned(JobExecution execution) {
        return ExecutionOwner.of(execution).map(o -> !o.isAlive())
                .orElseGet(() -> execution.getCreateTime() != null
                        && execution.getCreateTime().isBefore(LocalDateTime.now().minus(UNSTAMPED_GRACE)));
    }

    /** The parameters a user gave (defaults filled in), without the run id. */
    public static Map<String, String> userParameters(JobParameters parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (JobParameter<?> p : parameters) {
            if (p.identifying() && !p.name().equals(RUN_ID)) {
                map.put(p.name(), String.valueOf(p.value()));
            }
        }
        return map;
    }
}
