package com.tradebatch.schedule;

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

/**
 * A test job, {@code slow-test}: takes {@code millis} in slices of 100 ms, one tasklet iteration each, the
 * slices done kept in the step's context. So a stop lands between two slices and a restart finishes the rest.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SlowJobConfiguration {

    public static final String JOB = "slow-test";
    static final int SLICE_MILLIS = 100;

    @Bean
    JobSpec slowJobSpec() {
        return new JobSpec(JOB, "test job that takes its time", List.of(
                ParameterSpec.optional("millis", ParameterType.INTEGER, "2500", "how long it runs")));
    }

    @Bean
    Job slowJob(JobRepository repo, Step slowStep) {
        return new JobBuilder(JOB, repo).start(slowStep).build();
    }

    @Bean
    Step slowStep(JobRepository repo, Tasklet slowTasklet) {
        return new StepBuilder("slow-step", repo).tasklet(slowTasklet, new ResourcelessTransactionManager()).build();
    }

    @Bean
    @StepScope
    Tasklet slowTasklet(@Value("#{jobParameters['millis']}") Long millis) {
        int slices = Math.toIntExact(millis / SLICE_MILLIS);
        return (contribution, chunk) -> {
            var context = chunk.getStepContext().getStepExecution().getExecutionContext();
            int done = context.getInt("slices", 0);
            Thread.sleep(SLICE_MILLIS);
            context.putInt("slices", done + 1);
            contribution.incrementReadCount();
            return done + 1 >= slices ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        };
    }
}
