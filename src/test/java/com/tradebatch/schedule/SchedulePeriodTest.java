package com.tradebatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The period catch-up compares the last success with: the time between a schedule's next two fire times. */
class SchedulePeriodTest {

    private static Schedule schedule(String cron) {
        return new Schedule("s", Path.of("s.yml"), "backup", cron, Map.of(), true, true);
    }

    @Test
    void periodIsTheTimeBetweenTwoFireTimes() {
        Date now = new Date();
        assertThat(schedule("*/2 * * * * ?").periodMillis(now)).isEqualTo(Duration.ofSeconds(2).toMillis());
        assertThat(schedule("0 0 4 ? * SUN").periodMillis(now)).isEqualTo(Duration.ofDays(7).toMillis());
        // daily: one day, give or take a daylight-saving hour
        assertThat(schedule("0 0 3 * * ?").periodMillis(now)).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(25).toMillis());
        assertThat(schedule("0 0 3 1 1 ? 2001").periodMillis(now)).isEqualTo(Long.MAX_VALUE); // never fires again
    }
}
