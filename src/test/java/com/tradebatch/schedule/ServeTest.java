package com.tradebatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.cli.ServeCommand;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** serve with schedules in a test folder: repeated runs, no overlap, catch-up, bad files, graceful stop. */
class ServeTest {

    private static final Class<?>[] SLOW = {SlowJobConfiguration.class};

    @TempDir
    Path dir;

    @Test
    void servesEveryTwoSecondsNeverOverlapsASlowJobCatchesUpAndStopsCleanly() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("test-jobs"));
        Files.writeString(jobs.resolve("slow.yml"), "job: slow-test\ncron: \"*/2 * * * * ?\"\nparams:\n  millis: 2500\n");
        Files.writeString(jobs.resolve("stats.yml"), "# yearly, but never ran: catches up at start\n"
                + "job: db-stats\ncron: \"0 0 3 1 1 ?\"\nparams: {databases: trading}\ncatch-up: true\n");
        Files.writeString(jobs.resolve("off.yml"), "job: db-stats\ncron: \"* * * * * ?\"\nenabled: false\n");
        Files.writeString(jobs.resolve("bad-job.yml"), "job: bakup\ncron: \"0 0 3 * * ?\"\n");
        Files.writeString(jobs.resolve("bad-cron.yml"), "# comment\njob: backup\ncron: \"0 0 25 * * ?\"\n");
        Files.writeString(jobs.resolve("bad-yaml.yml"), "job: backup\ncron: [unclosed\n");
        Files.writeString(jobs.resolve("bad-param.yml"), "job: backup\ncron: \"0 0 3 * * ?\"\nparams:\n  keep: many\n");
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.schedule.jobs-dir", jobs.toString())
                .set("tradebatch.schedule.stop-timeout", "20s");
        Path batch = dir.resolve("data/batch.db");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving;
        try (ConfigurableApplicationContext ctx = env.context(SLOW)) {
            ServeCommand serve = ctx.getBean(ServeCommand.class);
            serving = new Thread(() -> exit.set(serve.execute(List.of(), out)), "serve");
            serving.start();
            // two slow runs done and a third under way
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !(completed(batch, "slow-test") >= 2 && running(batch, "slow-test") == 1)) {
                Thread.sleep(100);
            }
            Thread.sleep(300);
        } // closing the context is what SIGTERM does through Boot's shutdown hook
        serving.join(30_000);
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit.get()).as(output).isZero();
        assertThat(output).contains("not scheduled: " + jobs.resolve("bad-job.yml") + ":1: unknown job 'bakup'",
                "not scheduled: " + jobs.resolve("bad-cron.yml") + ":3: bad cron '0 0 25 * * ?'",
                "not scheduled: " + jobs.resolve("bad-param.yml") + ":4: backup: parameter keep: 'many' is not a whole number",
                "not scheduled: " + jobs.resolve("bad-yaml.yml") + ":",
                "stats: catch-up (never succeeded), running it now", "serving 2 schedule(s)", "stopping:")
                .containsPattern("stopped: [3-9] run\\(s\\) launched, [1-9]\\d* skipped as overlapping");

        List<String> slow = Sqlite.strings(batch, "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " USING (JOB_INSTANCE_ID) WHERE i.JOB_NAME = 'slow-test' ORDER BY e.JOB_EXECUTION_ID");
        assertThat(slow.size()).isGreaterThanOrEqualTo(3);
        assertThat(slow.subList(0, slow.size() - 1)).containsOnly("COMPLETED");
        assertThat(slow.get(slow.size() - 1)).isEqualTo("STOPPED");
        // never two runs of slow-test at once: each starts after the previous one ended
        List<String> times = Sqlite.strings(batch, "SELECT e.START_TIME || '|' || e.END_TIME FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i USING (JOB_INSTANCE_ID) WHERE i.JOB_NAME = 'slow-test' ORDER BY e.JOB_EXECUTION_ID");
        for (int i = 1; i < times.size(); i++) {
            long previousEnd = millis(times.get(i - 1).split("\\|")[1]);
            long start = millis(times.get(i).split("\\|")[0]);
            assertThat(start).as("run %d starts after run %d ended", i + 1, i).isGreaterThanOrEqualTo(previousEnd);
        }
        // the catch-up ran once; the disabled schedule never
        assertThat(completed(batch, "db-stats")).isEqualTo(1);

        // the stopped run is an ordinary execution: it shows in executions and restarts to completion
        long stopped = Sqlite.count(batch, "SELECT max(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " USING (JOB_INSTANCE_ID) WHERE i.JOB_NAME = 'slow-test'");
        assertThat(env.runWith(SLOW, "executions", "slow-test").out()).containsPattern(stopped + "\\s+slow-test\\s+STOPPED");
        Result restarted = env.runWith(SLOW, "restart", Long.toString(stopped));
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("COMPLETED");

        Result listed = env.runWith(SLOW, "schedules");
        assertThat(listed.exitCode()).isEqualTo(1); // bad files
        assertThat(listed.out()).containsPattern("slow\\s+slow-test\\s+'\\*/2 \\* \\* \\* \\* \\?'\\s+millis=2500")
                .containsPattern("next: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, \\d{4}-")
                .containsPattern("off\\s+db-stats.*\\[disabled\\]").contains("[catch-up]", "not scheduled: ");
    }

    @Test
    void shippedSchedulesLoad() {
        Path shipped = Path.of("jobs").toAbsolutePath();
        Result r = new TestEnvironment(dir).set("tradebatch.schedule.jobs-dir", shipped.toString()).run("schedules");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("nightly-backup\\s+backup\\s+'0 0 3 \\* \\* \\?'\\s+databases=all keep=14 compress=none\\s+\\[catch-up\\]")
                .containsPattern("weekly-optimize\\s+optimize").containsPattern("daily-integrity-check\\s+integrity-check.*quick=true");
    }

    /** The driver stores a timestamp as epoch milliseconds, or as text when written by other tools. */
    private static long millis(String stored) {
        return stored.matches("\\d+") ? Long.parseLong(stored) : Timestamp.valueOf(stored).getTime();
    }

    private static long completed(Path batch, String job) {
        return count(batch, job, "COMPLETED");
    }

    private static long running(Path batch, String job) {
        return count(batch, job, "STARTED");
    }

    private static long count(Path batch, String job, String status) {
        if (!Files.exists(batch)) {
            return 0;
        }
        try {
            return Sqlite.count(batch, "SELECT count(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i USING (JOB_INSTANCE_ID)"
                    + " WHERE i.JOB_NAME = '" + job + "' AND e.STATUS = '" + status + "'");
        } catch (IllegalStateException notYet) {
            return 0; // tables not created yet
        }
    }
}
