package com.tradebatch.schedule;

import java.nio.file.Path;
import java.util.Date;
import java.util.Map;

import org.quartz.CronExpression;

/**
 * One schedule, from one file of the jobs folder.
 *
 * @param name    the file name without {@code .yml}
 * @param params  the job's parameters as validated for launch (defaults filled in)
 * @param catchUp run once at {@code serve} start when the last successful run is older than the period
 */
public record Schedule(String name, Path file, String job, String cron, Map<String, String> params, boolean enabled,
        boolean catchUp) {

    public CronExpression expression() {
        try {
            return new CronExpression(cron);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(cron + ": " + e.getMessage(), e); // validated when loaded
        }
    }

    public Date nextFireAfter(Date time) {
        return expression().getNextValidTimeAfter(time);
    }

    /** The time between two consecutive fire times after {@code now}: a day for a daily schedule. */
    public long periodMillis(Date now) {
        Date first = nextFireAfter(now);
        Date second = first == null ? null : nextFireAfter(first);
        return second == null ? Long.MAX_VALUE : second.getTime() - first.getTime();
    }
}
