package com.tradebatch.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
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

    private final Scheduler scheduler;
    private final ScheduleRunner runner;
    private final JobRepository jobRepository;
    private final ScheduleProperties props;

    public ScheduleService(Scheduler scheduler, ScheduleRunner runner, JobRepository jobRepository,
            ScheduleProperties props) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.jobRepository = jobRepository;
        this.props = props;
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
        for (JobInstance instance : jobRepository.getJobInstances(s.job(), 0, props.getSuccessLookback())) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                if (e.getStatus() == BatchStatus.COMPLETED && e.getEndTime() != null
                        && JobRunner.userParameters(e.getJobParameters()).equals(s.params())) {
                    return Optional.of(e.getEndTime()); // instances come newest first
                }
            }
        }
        return Optional.empty();
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
