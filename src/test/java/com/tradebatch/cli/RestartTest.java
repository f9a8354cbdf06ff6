package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.support.FlakyJobConfiguration;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;
import com.tradebatch.launch.ExecutionOwner;
import com.tradebatch.launch.JobRunner;

/** Failure, restart from where it stopped, resume by re-running, crashed executions, concurrent launches. */
class RestartTest {

    private static final Class<?>[] FLAKY = {FlakyJobConfiguration.class};

    @TempDir
    Path dir;

    @Test
    void failedJobExitsOneAndRestartContinuesWithoutDuplicates() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path out = dir.resolve("numbers.txt");
        Path marker = Files.createFile(dir.resolve("fail"));

        Result failed = env.runWith(FLAKY, "run", "flaky-test", "out=" + out, "fail-while=" + marker);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED", "number 7 refused", "restart with: tradebatch restart 1");
        assertThat(Files.readAllLines(out)).containsExactly("1", "2", "3", "4", "5", "6");

        Result stillFailing = env.runWith(FLAKY, "restart", "1");
        assertThat(stillFailing.exitCode()).isEqualTo(1);
        assertThat(stillFailing.out()).contains("restarted execution 1 as execution 2");

        Files.delete(marker);
        Result restarted = env.runWith(FLAKY, "restart", "2");
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("as execution 3", "COMPLETED", "written 4");
        assertThat(Files.readAllLines(out)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        Result again = env.runWith(FLAKY, "restart", "3");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("COMPLETED: nothing to restart");
        assertThat(env.runWith(FLAKY, "restart", "99").err()).contains("no execution 99");
        assertThat(env.runWith(FLAKY, "restart", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void runWithTheSameParametersResumesTheFailedRunAndLaterRunsStartAfresh() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path out = dir.resolve("numbers.txt");
        Path marker = Files.createFile(dir.resolve("fail"));
        String[] args = {"run", "flaky-test", "out=" + out, "fail-while=" + marker};

        assertThat(env.runWith(FLAKY, args).exitCode()).isEqualTo(1);
        Files.delete(marker);
        Result resumed = env.runWith(FLAKY, args);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(10).doesNotHaveDuplicates();
        Path batch = dir.resolve("data/batch.db");
        assertThat(Sqlite.count(batch, "SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);

        // after success the same command runs the job again as a new instance
        Result fresh = env.runWith(FLAKY, args);
        assertThat(fresh.exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(20);
        assertThat(Sqlite.count(batch, "SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(2);
    }

    @Test
    void executionLeftRunningByADeadProcessIsRecoveredAndRestarted() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path out = dir.resolve("numbers.txt");
        Path marker = Files.createFile(dir.resolve("fail"));
        assertThat(env.runWith(FLAKY, "run", "flaky-test", "out=" + out, "fail-while=" + marker).exitCode()).isEqualTo(1);

        // what kill -9 leaves behind: the execution and its step still STARTED, owned by a process that is gone
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (ConfigurableApplicationContext ctx = env.context(FLAKY)) {
            JobRepository repo = ctx.getBean(JobRepository.class);
            JobExecution execution = repo.getJobExecution(1L);
            execution.setStatus(BatchStatus.STARTED);
            execution.setEndTime(null);
            execution.getExecutionContext().putString(ExecutionOwner.KEY,
                    new ExecutionOwner(gone.pid(), ExecutionOwner.current().host(), 1L).toString());
            repo.update(execution);
            repo.updateExecutionContext(execution);
            var step = execution.getStepExecutions().iterator().next();
            step.setStatus(BatchStatus.STARTED);
            step.setEndTime(null);
            repo.update(step);
        }
        Files.delete(marker);

        Result r = env.runWith(FLAKY, "restart", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(Sqlite.strings(dir.resolve("data/batch.db"), "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void executionOfALiveProcessIsNotTakenOver() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path marker = Files.createFile(dir.resolve("fail"));
        env.runWith(FLAKY, "run", "flaky-test", "out=" + dir.resolve("n.txt"), "fail-while=" + marker);
        try (ConfigurableApplicationContext ctx = env.context(FLAKY)) {
            JobRepository repo = ctx.getBean(JobRepository.class);
            JobExecution execution = repo.getJobExecution(1L);
            execution.setStatus(BatchStatus.STARTED);
            execution.getExecutionContext().putString(ExecutionOwner.KEY, ExecutionOwner.current().toString());
            repo.update(execution);
            repo.updateExecutionContext(execution);
        }
        Result r = env.runWith(FLAKY, "restart", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("still running in process " + ProcessHandle.current().pid());
    }

    @Test
    void concurrentLaunchesAllComplete() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        try (ConfigurableApplicationContext ctx = env.context()) {
            JobRunner runner = ctx.getBean(JobRunner.class);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Callable<JobExecution>> launches = new ArrayList<>();
            for (String dbs : List.of("trading", "market", "analytics", "batch", "trading,market", "market,analytics")) {
                launches.add(() -> runner.run("db-stats", Map.of("databases", dbs)));
            }
            List<BatchStatus> statuses = new ArrayList<>();
            for (Future<JobExecution> f : pool.invokeAll(launches)) {
                statuses.add(f.get().getStatus());
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(BatchStatus.COMPLETED).hasSize(6);
        }
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(6);
    }
}
