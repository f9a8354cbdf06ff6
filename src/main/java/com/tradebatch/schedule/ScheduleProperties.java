package com.tradebatch.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tradebatch.schedule.*} in application.yml (where the defaults live): where schedules are declared and how {@code serve} runs them. */
@ConfigurationProperties("tradebatch.schedule")
public class ScheduleProperties {

    /** Folder of the schedule files (*.yml); relative paths resolve against the working directory / base dir. */
    private String jobsDir;

    /** Jobs whose schedules catch up by default (when the file does not say {@code catch-up:}). */
    private List<String> catchUpJobs = new ArrayList<>();

    /** How long {@code serve} waits, once stopped, for running jobs to reach a clean stop. */
    private Duration stopTimeout;

    /** How many next fire times {@code schedules} shows per schedule. */
    private int nextFireTimes;

    /** How many recent runs of a job are searched for the last success of a schedule (its catch-up). */
    private int successLookback;

    public String getJobsDir() {
        return jobsDir;
    }

    public void setJobsDir(String jobsDir) {
        this.jobsDir = jobsDir;
    }

    public List<String> getCatchUpJobs() {
        return catchUpJobs;
    }

    public void setCatchUpJobs(List<String> catchUpJobs) {
        this.catchUpJobs = catchUpJobs;
    }

    public Duration getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    public int getNextFireTimes() {
        return nextFireTimes;
    }

    public void setNextFireTimes(int nextFireTimes) {
        this.nextFireTimes = nextFireTimes;
    }

    public int getSuccessLookback() {
        return successLookback;
    }

    public void setSuccessLookback(int successLookback) {
        this.successLookback = successLookback;
    }

    public Path resolveJobsDir(Path baseDir) {
        Path p = Path.of(jobsDir);
        return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize().toAbsolutePath();
    }
}
