package com.tradebatch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.store.StoreMigrator;
import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/**
 * Each job validates its own parameters through Spring Batch: a launch that does not go through the command line
 * (a schedule, the HTTP API, any caller of {@code JobOperator.start}) is refused with the command line's message,
 * and nothing runs.
 */
class JobSpecValidatorTest {

    @TempDir
    Path dir;

    @Test
    void aLaunchBesideTheCommandLineIsRefusedWithTheSameMessage() {
        TestEnvironment env = new TestEnvironment(dir);
        Path file = CandleFiles.binance(dir.resolve("in/BTCUSDT-1m-2024.csv"), 1_704_067_200_000L, 60_000L, 10);

        Result cli = env.run("run", "candle-import", "file=" + file, "skip-limit=many");
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        String message = cli.err().lines().filter(l -> l.contains("skip-limit")).findFirst().orElseThrow();

        try (ConfigurableApplicationContext ctx = env.context()) {
            ctx.getBean(StoreMigrator.class).migrateAll(); // as every command does before launching
            JobOperator operator = ctx.getBean(JobOperator.class);
            JobCatalog catalog = ctx.getBean(JobCatalog.class);
            JobParameters bad = new JobParametersBuilder().addString("file", file.toString())
                    .addString("skip-limit", "many").addString(JobRunner.RUN_ID, "direct-1").toJobParameters();
            assertThatThrownBy(() -> operator.start(catalog.job("candle-import"), bad))
                    .isInstanceOf(InvalidJobParametersException.class)
                    .hasMessageContaining(message.replaceFirst("^tradebatch: ", "").trim());

            JobParameters unknown = new JobParametersBuilder().addString("file", file.toString())
                    .addString("colour", "red").addString(JobRunner.RUN_ID, "direct-2").toJobParameters();
            assertThatThrownBy(() -> operator.start(catalog.job("candle-import"), unknown))
                    .isInstanceOf(InvalidJobParametersException.class)
                    .hasMessageContaining("candle-import: unknown parameter 'colour'");

            JobParameters missing = new JobParametersBuilder().addString(JobRunner.RUN_ID, "direct-3").toJobParameters();
            assertThatThrownBy(() -> operator.start(catalog.job("candle-import"), missing))
                    .isInstanceOf(InvalidJobParametersException.class)
                    .hasMessageContaining("candle-import: missing required parameter file");
        }
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isZero();
        assertThat(Sqlite.count(dir.resolve("data/market_data.db"), "SELECT count(*) FROM candlesticks")).isZero();
    }
}
