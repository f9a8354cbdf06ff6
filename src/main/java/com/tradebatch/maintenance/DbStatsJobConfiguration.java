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
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.store.Store;

/** {@code db-stats}: file size, pages, free pages, fragmentation and rows per table of each database. */
@Configuration(proxyBeanMethods = false)
public class DbStatsJobConfiguration {

    public static final String JOB = "db-stats";

    @Bean
    JobSpec dbStatsJobSpec() {
        return new JobSpec(JOB, "size, pages, free pages, fragmentation and rows per table of each database",
                List.of(ParameterSpec.optional("databases", ParameterType.LIST, "all",
                        "which databases to inspect").withChoices("all", "trading", "market", "analytics", "batch")));
    }

    @Bean
    Job dbStatsJob(JobRepository jobRepository, Step dbStatsStep) {
        return new JobBuilder(JOB, jobRepository).start(dbStatsStep).build();
    }

    @Bean
    Step dbStatsStep(JobRepository jobRepository, DbStatsTasklet dbStatsTasklet, StepProgressRegistry progress) {
        // read-only: no store transaction to hold open while counting rows
        return new StepBuilder(JOB, jobRepository)
                .tasklet(dbStatsTasklet, new ResourcelessTransactionManager())
                
                .listener(progress.tasklet("databases")).build();
    }

    @Bean
    @StepScope
    DbStatsTasklet dbStatsTasklet(DatabaseInspector inspector, StepProgressRegistry progress,
            @Value("#{jobParameters['databases']}") String databases) {
        return new DbStatsTasklet(inspector, progress, Store.parseList(databases, true));
    }
}
