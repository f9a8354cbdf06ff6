package com.tradebatch.maintenance;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/** {@code optimize}: VACUUM, ANALYZE and PRAGMA optimize per database. */
@Configuration(proxyBeanMethods = false)
public class OptimizeJobConfiguration {

    public static final String JOB = "optimize";

    @Bean
    JobSpec optimizeJobSpec() {
        return new JobSpec(JOB, "VACUUM, ANALYZE and PRAGMA optimize; size and free pages before and after",
                List.of(BackupJobConfiguration.databases("which databases to optimize")));
    }

    @Bean
    Job optimizeJob(JobRepository jobRepository, Step optimizeStep) {
        return new JobBuilder(JOB, jobRepository).start(optimizeStep).build();
    }

    @Bean
    Step optimizeStep(JobRepository jobRepository, OptimizeTasklet optimizeTasklet, StepProgressRegistry progress) {
        // VACUUM cannot run inside a transaction: the tasklet runs each statement on its own connection
        return new StepBuilder(JOB, jobRepository).tasklet(optimizeTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("databases")).build();
    }

    @Bean
    @StepScope
    OptimizeTasklet optimizeTasklet(Stores stores, DatabaseInspector inspector, StepProgressRegistry progress,
            @Value("#{jobParameters['databases']}") String databases) {
        return new OptimizeTasklet(stores, inspector, progress, Store.parseList(databases, false),
                OptimizeTasklet::usableSpace);
    }
}
