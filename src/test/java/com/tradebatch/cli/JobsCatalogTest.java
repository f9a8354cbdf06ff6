package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.common.JobSpec;
import com.tradebatch.launch.JobCatalog;
import com.tradebatch.schedule.SlowJobConfiguration;
import com.tradebatch.support.FlakyJobConfiguration;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;
import com.tradebatch.web.ProgressJobConfiguration;

/**
 * {@code jobs} builds the job specs without the application context (README.md, "Start time"): what it prints
 * must be exactly the catalogue of the context that runs the jobs, configured defaults included.
 */
class JobsCatalogTest {

    @TempDir
    Path dir;

    @Test
    void jobsPrintsTheFullContextsCatalogue() {
        assertSameCatalogue(new TestEnvironment(dir));
    }

    @Test
    void aConfiguredDefaultReachesJobsAsItReachesTheContext() {
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.backup.keep", "7");
        String jobs = assertSameCatalogue(env);
        assertThat(jobs).containsPattern("keep .*default 7");
    }

    private String assertSameCatalogue(TestEnvironment env) {
        // the test jobs of this classpath (@TestConfiguration): the bytecode scan of jobs finds them, the
        // application's scan leaves them out on a test classpath; given to both, both list them (the jar has none)
        Class<?>[] testJobs = {SlowJobConfiguration.class, ProgressJobConfiguration.class, FlakyJobConfiguration.class};
        Result jobs = env.runWith(testJobs, "jobs");
        assertThat(jobs.exitCode()).as(jobs.toString()).isZero();
        assertThat(jobs.err()).isEmpty();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (ConfigurableApplicationContext context = env.context(testJobs)) {
            JobCatalog catalog = context.getBean(JobCatalog.class);
            JobsCommand.print(catalog.specs(), new PrintStream(expected, true, StandardCharsets.UTF_8));
            // every spec has its job and every job its spec (jobs are built on demand: checked here, not at start)
            assertThat(catalog.all().keySet()).containsExactlyElementsOf(catalog.specs().stream().map(JobSpec::name).toList());
            assertThat(catalog.all()).allSatisfy((name, job) -> assertThat(catalog.job(name)).isSameAs(job));
            // a job taken straight from the context validates against its spec too
            assertThat(context.getBeansOfType(AbstractJob.class).values()).allSatisfy(job ->
                    assertThat(job.getJobParametersValidator().getClass().getSimpleName()).isEqualTo("JobSpecValidator"));
        }
        assertThat(jobs.out()).isEqualTo(expected.toString(StandardCharsets.UTF_8)).contains("backup - ", "db-stats - ");
        return jobs.out();
    }
}
