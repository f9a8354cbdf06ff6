package com.tradebatch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.store.StoreMigrator;
import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.FlakyJobConfiguration;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/**
 * What the job repository records of a launch: each parameter with its declared Java type, and a run id from
 * Spring Batch's RunIdIncrementer that counts the job's runs. A run recorded before parameters were typed (text
 * values, a text run id) is still found and resumed by {@code run} with the same parameters.
 */
class TypedParametersTest {

    private static final Class<?>[] FLAKY = {FlakyJobConfiguration.class};

    @TempDir
    Path dir;

    @Test
    void parametersAreStoredWithTheirTypesAndEachCompletedRunTakesTheNextRunId() {
        TestEnvironment env = new TestEnvironment(dir);
        Path batch = dir.resolve("data/batch.db");

        Result first = env.run("run", "backup", "keep=3", "databases=trading");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(parameters(batch, 1)).containsExactly("compress|java.lang.String|none",
                "databases|java.lang.String|trading", "keep|java.lang.Long|3", "run.id|java.lang.Long|1");
        Result second = env.run("run", "backup", "keep=3", "databases=trading");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(parameters(batch, 2)).contains("keep|java.lang.Long|3", "run.id|java.lang.Long|2");

        Path file = CandleFiles.binance(dir.resolve("in/BTCUSDT-1m-2024.csv"), 1_704_067_200_000L, 60_000L, 5);
        Result imported = env.run("run", "candle-import", "file=" + file, "format=BINANCE");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(parameters(batch, 3)).contains("file|java.nio.file.Path|" + file, "format|java.lang.String|binance",
                "skip-limit|java.lang.Long|100", "run.id|java.lang.Long|1");
        assertThat(Sqlite.count(dir.resolve("data/market_data.db"), "SELECT count(*) FROM candlesticks")).isEqualTo(5);
    }

    @Test
    void aRunRecordedWithTextParametersIsResumedByRunWithTheSameParameters() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path out = dir.resolve("numbers.txt");
        Path marker = Files.createFile(dir.resolve("fail"));
        try (ConfigurableApplicationContext ctx = env.context(FLAKY)) {
            ctx.getBean(StoreMigrator.class).migrateAll();
            // how the version before typed parameters launched: every value text, the run id a time and a hex tag
            JobParameters text = new JobParametersBuilder().addString("out", out.toString())
                    .addString("fail-while", marker.toString()).addString("count", "10")
                    .addString(JobRunner.RUN_ID, "20261201T120000.000-a3f1").toJobParameters();
            JobExecution failed = ctx.getBean(JobOperator.class)
                    .start(ctx.getBean(JobCatalog.class).job(FlakyJobConfiguration.JOB), text);
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        }
        Files.delete(marker);

        String[] args = {"run", FlakyJobConfiguration.JOB, "out=" + out, "fail-while=" + marker};
        Result resumed = env.runWith(FLAKY, args);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        // the same instance went on from number 7: each number once, no second instance
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).collect(Collectors.toList()));
        Path batch = dir.resolve("data/batch.db");
        assertThat(Sqlite.strings(batch, "SELECT JOB_INSTANCE_ID || '|' || STATUS FROM BATCH_JOB_EXECUTION"
                + " ORDER BY JOB_EXECUTION_ID")).containsExactly("1|FAILED", "1|COMPLETED");

        // once it completed, the same command is a new run: typed, its run id counting from 1 past the text one
        Result fresh = env.runWith(FLAKY, args);
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(parameters(batch, 3)).containsExactly("count|java.lang.Long|10",
                "fail-while|java.nio.file.Path|" + marker, "out|java.nio.file.Path|" + out, "run.id|java.lang.Long|1");
    }

    private static java.util.List<String> parameters(Path batch, long execution) {
        return Sqlite.strings(batch, "SELECT PARAMETER_NAME || '|' || PARAMETER_TYPE || '|' || PARAMETER_VALUE"
                + " FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = " + execution + " ORDER BY PARAMETER_NAME");
    }
}
