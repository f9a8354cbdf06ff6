package com.tradebatch.web;

import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.tradebatch.schedule.ScheduleService;
import com.tradebatch.schedule.SchedulerLifecycle;

/**
 * {@code /actuator/health} component {@code quartz}: UP while serve's scheduler fires its triggers; OUT_OF_SERVICE
 * before it has started and once it is stopping (standby); DOWN when Quartz cannot say.
 */
@Component("quartzHealthIndicator")
@ConditionalOnWebApplication
class SchedulerHealth implements HealthIndicator {

    private final SchedulerLifecycle lifecycle;
    private final ScheduleService schedules;

    SchedulerHealth(SchedulerLifecycle lifecycle, ScheduleService schedules) {
        this.lifecycle = lifecycle;
        this.schedules = schedules;
    }

    @Override
    public Health health() {
        try {
            if (lifecycle.serving() && schedules.firing()) {
                return Health.up().withDetail("schedules", lifecycle.schedules().size()).build();
            }
            return Health.outOfService().build();
        } catch (SchedulerException e) {
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
