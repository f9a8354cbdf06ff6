package com.tradebatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.launch.JobRunner;
import com.tradebatch.launch.UsageException;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/**
 * A schedule's parameters meet the job's own validator: a bad one is reported by {@code schedules} at its line with
 * the message {@code run} gives, and a launch fired with a bad value never reaches the job.
 */
class ScheduleParametersTest {

    private static final String KEEP_MANY = "backup: parameter keep: 'many' is not a whole number";

    @TempDir
    Path dir;

    @Test
    void aBadParameterIsReportedAtItsLineWithRunsMessage() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("test-jobs"));
        Path bad = Files.writeString(jobs.resolve("bad-keep.yml"),
                "job: backup\ncron: \"0 0 3 * * ?\"\nparams:\n  databases: trading\n  keep: many\n");
        Path unknown = Files.writeString(jobs.resolve("bad-name.yml"),
                "job: analytics-metrics\ncron: \"0 0 4 * * ?\"\nparams: {from: 2024-01-01, to: 2024-01-31,\n  colour: red}\n");
        Files.writeString(jobs.resolve("dates.yml"),
                "job: analytics-metrics\ncron: \"0 0 4 * * ?\"\nparams: {from: 2024-01-01, to: 2024-1-31}\n");
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.schedule.jobs-dir", jobs.toString());

        Result run = env.run("run", "backup", "databases=trading", "keep=many");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(KEEP_MANY);

        Result listed = env.run("schedules");
        assertThat(listed.exitCode()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.out()).contains("not scheduled: " + bad + ":5: " + KEEP_MANY,
                "not scheduled: " + unknown + ":4: analytics-metrics: unknown parameter 'colour'",
                "not scheduled: " + jobs.resolve("dates.yml") + ":3: analytics-metrics: parameter to: '2024-1-31' is not a date");
        assertThat(Sqlite.countOrZero(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isZero();
    }

    @Test
    void aFiredScheduleWithABadValueNeverReachesTheJob() {
        TestEnvironment env = new TestEnvironment(dir);
        try (ConfigurableApplicationContext ctx = env.context()) {
            ctx.getBean(StoreMigrator.class).migrateAll(); // as serve does before it schedules
            // what the Quartz job calls when a trigger fires, with values that did not go through the loader
            Schedule bad = new Schedule("bad", dir.resolve("bad.yml"), "backup", "0 0 3 * * ?",
                    Map.of("databases", "trading", "keep", "many"), true, false);
            ScheduleRunner runner = ctx.getBean(ScheduleRunner.class);
            runner.fire(bad, "test");
            assertThat(runner.launched()).isEqualTo(1);

            assertThatThrownBy(() -> ctx.getBean(JobRunner.class).run("backup", bad.params()))
                    .isInstanceOf(UsageException.class).hasMessageStartingWith(KEEP_MANY);
        }
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isZero();
        assertThat(dir.resolve("backups")).doesNotExist();
    }
}
