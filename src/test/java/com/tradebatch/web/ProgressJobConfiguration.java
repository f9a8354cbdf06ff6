package com.tradebatch.web;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.StepProgressRegistry;

/**
 * A test job, {@code progress-test}: {@code slices} slices of 100 ms, each reporting 1,000 rows through the step
 * progress every tasklet uses, so a running step has a rows/s figure (about 10,000) while it runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProgressJobConfiguration {

    static final String JOB = "progress-test";
    static final String STEP = "progress-step";

    @Bean
    JobSpec progressJobSpec() {
        return new JobSpec(JOB, "test job that reports progress", List.of(
                ParameterSpec.optional("slices", ParameterType.INTEGER, "30", "100 ms slices")));
    }

    @Bean
    Job progressJob(JobRepository repo, Step progressStep) {
        return new JobBuilder(JOB, repo).start(progressStep).build();
    }

    @Bean
    Step progressStep(JobRepository repo, Tasklet progressTasklet, StepProgressRegistry progress) {
        return new StepBuilder(STEP, repo).tasklet(progressTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("slices")).build();
    }

    @Bean
    @StepScope
    Tasklet progressTasklet(@Value("#{jobParameters['slices']}") String slices, StepProgressRegistry progress) {
        int total = Integer.parseInt(slices);
        return (contribution, chunk) -> {
            var step = chunk.getStepContext().getStepExecution();
            var p = progress.of(step).total(total);
            Thread.sleep(100);
            p.advance(1, 1_000);
            return p.latest().done() >= total ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        };
    }
}
