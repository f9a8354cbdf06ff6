package com.tradebatch.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.tradebatch.launch.JobRunner;

/**
 * Puts schedules into Quartz (the in-memory scheduler Boot configures, started only here) and decides
 * catch-up: a schedule with {@code catch-up} whose last successful run (same job, same parameters) is older
 * than its period, or that never succeeded, runs once when {@code serve} starts.
 */
@Component
public class ScheduleService {

    static final String GROUP = "tradebatch";
    /**
     * Changes whenever an execution is created or updated (started, finished): while it is unchanged, the last runs
     * of a schedule found before still hold. One scan of the executions table instead of the look-back's queries,
     * which would otherwise run at every Prometheus scrape and every /api/schedules call.
     */
    private static final String REPOSITORY_STAMP = """
            SELECT COUNT(*) || '/' || COALESCE(MAX(JOB_EXECUTION_ID), 0) || '/' || COALESCE(MAX(LAST_UPDATED), 0)
                   || '/' || COALESCE(SUM(VERSION), 0)
            FROM BATCH_JOB_EXECUTION
            """;

    private final Scheduler scheduler;
    private final ScheduleRunner runner;
    private final JobRepository jobRepository;
    private final ScheduleProperties props;
    private final JdbcTemplate batch;
    private final Map<Schedule, Cached> lastRuns = new ConcurrentHashMap<>();

    private record Cached(String stamp, LastRuns runs) {
    }

    public ScheduleService(Scheduler scheduler, ScheduleRunner runner, JobRepository jobRepository,
            ScheduleProperties props, @Qualifier("batchDataSource") DataSource batch) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.jobRepository = jobRepository;
        this.props = props;
        this.batch = new JdbcTemplate(batch);
    }

    /** Registers the enabled schedules and starts the scheduler. */
    public void start(List<Schedule> schedules) throws SchedulerException {
        Map<String, Schedule> byName = new LinkedHashMap<>();
        schedules.forEach(s -> byName.put(s.name(), s));
        scheduler.getContext().put(ScheduledLaunch.RUNNER, runner);
        scheduler.getContext().put(ScheduledLaunch.SCHEDULES, byName);
        for (Schedule s : schedules) {
            if (!s.enabled()) {
                continue;
            }
            JobDetail detail = JobBuilder.newJob(ScheduledLaunch.class).withIdentity(s.name(), GROUP)
                    .usingJobData(ScheduledLaunch.SCHEDULE, s.name()).storeDurably().build();
            // a fire missed while every Quartz thread was busy is dropped, not run late
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(s.name(), GROUP).forJob(detail)
                    .withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).withMisfireHandlingInstructionDoNothing())
                    .build();
            scheduler.scheduleJob(detail, trigger);
        }
        scheduler.start();
    }

    /** Fires a schedule now, on a Quartz thread like its trigger would (so the no-overlap rule applies). */
    public void runNow(Schedule s, String why) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(s.name(), GROUP), new JobDataMap(Map.of(ScheduledLaunch.WHY, why)));
    }

    /** No more triggers fire; running jobs go on. */
    public void standby() throws SchedulerException {
        scheduler.standby();
    }

    /** End of the last COMPLETED run of the schedule's job with the schedule's parameters. */
    public Optional<LocalDateTime> lastSuccess(Schedule s) {
        return lastRuns(s).lastSuccess();
    }

    /**
     * The schedule's newest run (its job with its parameters, whoever launched it) and the end of its newest
     * COMPLETED run.
     */
    public record LastRuns(Optional<JobExecution> newest, Optional<LocalDateTime> lastSuccess) {
    }

    /**
     * Both at once: one pass over the job's recent instances, newest first, stopping once both are found; the
     * answer is kept until the job repository changes.
     */
    public LastRuns lastRuns(Schedule s) {
        String stamp = batch.queryForObject(REPOSITORY_STAMP, String.class);
        Cached cached = lastRuns.get(s);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.runs();
        }
        LastRuns runs = searchLastRuns(s);
        lastRuns.put(s, new Cached(stamp, runs));
        return runs;
    }

    private LastRuns searchLastRuns(Schedule s) {
        JobExecution newest = null;
        for (JobInstance instance : jobRepository.getJobInstances(s.job(), 0, props.getSuccessLookback())) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) { // newest first
                if (!JobRunner.userParameters(e.getJobParameters()).equals(s.params())) {
                    break; // an instance's executions share their parameters
                }
                if (newest == null || e.getId() > newest.getId()) {
                    newest = e;
                }
                if (e.getStatus() == BatchStatus.COMPLETED && e.getEndTime() != null) {
                    return new LastRuns(Optional.of(newest), Optional.of(e.getEndTime()));
                }
            }
        }
        return new LastRuns(Optional.ofNullable(newest), Optional.empty());
    }

    /**
     * The next {@code count} fire times of a schedule's trigger in the running scheduler; empty for a schedule that
     * has none (disabled, or the scheduler not started).
     */
    public List<Date> nextFireTimes(Schedule s, Date after, int count) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(s.name(), GROUP));
        List<Date> times = new ArrayList<>();
        Date t = trigger == null ? null : trigger.getFireTimeAfter(after);
        while (t != null && times.size() < count) {
            times.add(t);
            t = trigger.getFireTimeAfter(t);
        }
        return times;
    }

    /** Whether Quartz runs and fires triggers: started, not in standby, not shut down. */
    public boolean firing() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
    }

    /** Whether the schedule should run once now, at start; the reason, or empty. */
    public Optional<String> catchUpReason(Schedule s, Date now) {
        if (!s.enabled() || !s.catchUp()) {
            return Optional.empty();
        }
        Optional<LocalDateTime> last = lastSuccess(s);
        if (last.isEmpty()) {
            return Optional.of("catch-up (never succeeded)");
        }
        long age = now.getTime() - last.get().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        if (age > s.periodMillis(now)) {
            return Optional.of("catch-up (last success " + last.get().withNano(0) + " is older than its period)");
        }
        return Optional.empty();
    }
}
