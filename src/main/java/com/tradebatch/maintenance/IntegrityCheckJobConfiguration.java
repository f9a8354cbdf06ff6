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
import com.tradebatch.store.Stores;

/** {@code integrity-check}: integrity_check (or quick_check) and foreign_key_check of each database. */
@Configuration(proxyBeanMethods = false)
public class IntegrityCheckJobConfiguration {

    public static final String JOB = "integrity-check";

    @Bean
    JobSpec integrityCheckJobSpec() {
        return new JobSpec(JOB, "integrity_check (or quick_check) and foreign_key_check; exit 1 naming a broken database",
                List.of(BackupJobConfiguration.databases("which databases to check"),
                        ParameterSpec.optional("quick", ParameterType.BOOLEAN, "false",
                                "quick_check instead of integrity_check (skips index consistency, much faster)")));
    }

    @Bean
    Job integrityCheckJob(JobRepository jobRepository, Step integrityCheckStep) {
        return new JobBuilder(JOB, jobRepository).start(integrityCheckStep).build();
    }

    @Bean
    Step integrityCheckStep(JobRepository jobRepository, IntegrityCheckTasklet integrityCheckTasklet,
            StepProgressRegistry progress) {
        return new StepBuilder(JOB, jobRepository)
                .tasklet(integrityCheckTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("databases")).build();
    }

    @Bean
    @StepScope
    IntegrityCheckTasklet integrityCheckTasklet(Stores stores, MaintenanceProperties props, StepProgressRegistry progress,
            @Value("#{jobParameters['databases']}") String databases, @Value("#{jobParameters['quick']}") Boolean quick) {
        return new IntegrityCheckTasklet(stores, progress, Store.parseList(databases, false), Boolean.TRUE.equals(quick),
                props.maxProblems());
    }
}
