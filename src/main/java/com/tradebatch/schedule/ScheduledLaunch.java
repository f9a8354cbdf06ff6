package com.tradebatch.schedule;

import java.util.Map;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The Quartz job of every schedule: hands the firing to {@link ScheduleRunner}. */
public class ScheduledLaunch implements Job {

    static final String RUNNER = "tradebatch.scheduleRunner";
    static final String SCHEDULES = "tradebatch.schedules";
    static final String SCHEDULE = "schedule";
    static final String WHY = "why";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            var schedulerContext = context.getScheduler().getContext();
            ScheduleRunner runner = (ScheduleRunner) schedulerContext.get(RUNNER);
            @SuppressWarnings("unchecked")
            var schedules = (Map<String, Schedule>) schedulerContext.get(SCHEDULES);
            Schedule schedule = schedules.get(context.getMergedJobDataMap().getString(SCHEDULE));
            String why = context.getMergedJobDataMap().containsKey(WHY) ? context.getMergedJobDataMap().getString(WHY)
                    : "trigger of " + context.getScheduledFireTime();
            runner.fire(schedule, why);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }
}
