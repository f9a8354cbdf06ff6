package com.tradebatch.launch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.batch.core.job.parameters.JobParametersIncrementer;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;
import com.tradebatch.store.StoreMigrator;

/**
 * Launches and restarts jobs through Spring Batch's {@link JobOperator}.
 * <p>
 * Every launch carries the declared parameters (defaults filled in, typed) plus a {@code run.id} from Spring
 * Batch's {@link RunIdIncrementer} (the job's last run id + 1), so a job can run again with the same parameters.
 * {@code run} with the same parameters as a FAILED or STOPPED execution resumes that one instead (same instance:
 * Batch continues where it stopped). An execution left STARTED by a process that is gone is first recovered
 * (marked FAILED) so it can be restarted.
 * <p>
 * The incrementer is applied here, not registered on the jobs: since Batch 6 {@code JobOperator.start} ignores the
 * parameters it is given when the job has an incrementer and starts the next instance from the previous run's
 * parameters (spring-batch#4910), so a launch with other values (or bad ones) would silently run the old ones.
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
    /** Tries at a new run id when another process took the same one with the same parameters a moment before. */
    private static final int RUN_ID_ATTEMPTS = 3;

    private final JobCatalog catalog;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final StoreMigrator storeMigrator;
    private final JobParametersIncrementer runIds = new RunIdIncrementer();

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
        // checked again and typed: a caller's unchecked value is refused here, with the message of parse()
        JobParameters given = LaunchParameters.toJobParameters(catalog.spec(jobName), values);
        storeMigrator.migrateAll();
        JobExecution resumable = findResumable(jobName, userParameters(given));
        if (resumable != null) {
            console.info("{}: resuming execution {} ({}), which had the same parameters", jobName, resumable.getId(),
                    resumable.getStatus().isRunning() ? "left running by a process that is gone" : resumable.getStatus());
            return restart(resumable);
        }
        long taken = 0;
        for (int attempt = 1; ; attempt++) {
            JobParameters next = withNextRunId(jobName, given, taken);
            try {
                return jobOperator.start(job, next);
            } catch (InvalidJobParametersException e) {
                throw new UsageException(e.getMessage()); // the job's own validator: same message as parse()
            } catch (JobInstanceAlreadyCompleteException e) {
                // these parameters already ran with this run id (another process just now): take the next one
                taken = next.getLong(RUN_ID);
                if (attempt == RUN_ID_ATTEMPTS) {
                    throw new IllegalStateException(jobName + " could not start: " + e.getMessage(), e);
                }
            } catch (JobExecutionAlreadyRunningException | DataIntegrityViolationException e) {
                // another process started these parameters with this run id between our lookup and our start
                throw new AlreadyRunningException(jobName + " with these parameters was started by another process"
                        + " at the same moment");
            } catch (Exception e) {
                throw new IllegalStateException(jobName + " could not start: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The parameters plus the run id that follows the job's last one (and any already found taken). A run recorded
     * before run ids were numbers (text such as 20261202T030357.123-a3f1) does not count: numbering starts at 1.
     */
    private JobParameters withNextRunId(String jobName, JobParameters given, long taken) {
        JobInstance last = jobRepository.getLastJobInstance(jobName);
        JobExecution lastExecution = last == null ? null : jobRepository.getLastJobExecution(last);
        JobParameter<?> lastRunId = lastExecution == null ? null : lastExecution.getJobParameters().getParameter(RUN_ID);
        long previous = Math.max(taken, lastRunId != null && lastRunId.value() instanceof Long id ? id : 0);
        JobParametersBuilder builder = new JobParametersBuilder(given);
        if (previous > 0) {
            builder.addLong(RUN_ID, previous);
        }
        return runIds.getNext(builder.toJobParameters());
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

    /**
     * The parameters a user gave (defaults filled in), without the run id, as canonical text: dates ISO, paths as
     * they print, the same for a run recorded with typed values or with text.
     */
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
