package com.tradebatch.schedule;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.tradebatch.launch.ExecutionOwner;
import com.tradebatch.launch.JobRunner;
import com.tradebatch.launch.JobSummary;
import com.tradebatch.launch.JobStopper;

/**
 * Runs a schedule's job when its trigger fires, as an ordinary launch through {@link JobRunner} (it shows in
 * {@code executions}, a failed run is resumed by the next one). Two runs of the same job never overlap: a
 * trigger that fires while the previous run of that job is still going, here or in another live process, is
 * skipped and logged.
 */
@Component
public class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    /** Not a setting: how often a wait re-checks its condition, short against any stop timeout. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final JobRunner jobRunner;
    private final JobRepository jobRepository;
    private final JobStopper stopper;
    private final Set<String> runningJobs = ConcurrentHashMap.newKeySet();
    private final AtomicLong launched = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean stopping;

    public ScheduleRunner(JobRunner jobRunner, JobRepository jobRepository, JobStopper stopper) {
        this.jobRunner = jobRunner;
        this.jobRepository = jobRepository;
        this.stopper = stopper;
    }

    /** Called on a Quartz thread when the schedule's trigger fires (or at start, to catch up). */
    public void fire(Schedule schedule, String why) {
        if (stopping) {
            return;
        }
        String job = schedule.job();
        if (!runningJobs.add(job)) {
            skipped.incrementAndGet();
            log.warn("schedule {}: {} skipped, the previous run of {} is still going", schedule.name(), why, job);
            return;
        }
        try {
            if (runningElsewhere(job)) {
                skipped.incrementAndGet();
                log.warn("schedule {}: {} skipped, {} is running in another process", schedule.name(), why, job);
                return;
            }
            launched.incrementAndGet();
            log.info("schedule {}: {} runs {} {}", schedule.name(), why, job, schedule.params());
            JobExecution execution = jobRunner.run(job, schedule.params());
            JobSummary summary = JobSummary.of(execution);
            log.info("schedule {}: {} execution {} {}{}", schedule.name(), job, execution.getId(), execution.getStatus(),
                    summary.failure().isEmpty() ? "" : ": " + summary.failure());
        } catch (RuntimeException e) {
            log.error("schedule {}: {} could not run: {}", schedule.name(), job, e.getMessage());
        } finally {
            runningJobs.remove(job);
        }
    }

    private boolean runningElsewhere(String job) {
        long self = ProcessHandle.current().pid();
        return jobRepository.findRunningJobExecutions(job).stream()
                .map(ExecutionOwner::of)
                .anyMatch(owner -> owner.map(o -> o.pid() != self && o.isAlive()).orElse(false));
    }

    /**
     * No more launches; asks every running job of this process to stop (JobOperator.stop: it ends STOPPED at its
     * next chunk or tasklet boundary and can be restarted) and waits for them to end.
     *
     * @return true when all ended within the timeout
     */
    public boolean stopAll(Duration timeout) throws InterruptedException {
        stopping = true;
        stopper.stopAll();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runningJobs.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        return runningJobs.isEmpty();
    }

    public long launched() {
        return launched.get();
    }

    public long skipped() {
        return skipped.get();
    }
}
