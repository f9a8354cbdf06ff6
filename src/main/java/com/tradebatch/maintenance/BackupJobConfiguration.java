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
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/** {@code backup}: verified online copies of the databases into the backup folder, with manifest and retention. */
@Configuration(proxyBeanMethods = false)
public class BackupJobConfiguration {

    public static final String JOB = "backup";

    /** Which databases the maintenance jobs take: {@code all} is the trading system's three; batch by name. */
    static ParameterSpec databases(String what) {
        return ParameterSpec.optional("databases", ParameterType.LIST, "all",
                what + " (all = trading,market,analytics; batch only by name)")
                .withChoices("all", "trading", "market", "analytics", "batch");
    }

    @Bean
    JobSpec backupJobSpec(BackupProperties props) {
        return new JobSpec(JOB, "verified online copies of the databases to the backup folder, with a manifest", List.of(
                databases("which databases to back up"),
                ParameterSpec.optional("keep", ParameterType.INTEGER, Integer.toString(props.keep()),
                        "newest verified backups kept per database, older ones deleted (0 keeps all)"),
                ParameterSpec.optional("compress", ParameterType.STRING, "none", "gzip the backup files")
                        .withChoices("none", "gzip")));
    }

    @Bean
    Job backupJob(JobRepository jobRepository, Step backupStep) {
        return new JobBuilder(JOB, jobRepository).start(backupStep).build();
    }

    @Bean
    Step backupStep(JobRepository jobRepository, BackupTasklet backupTasklet, StepProgressRegistry progress) {
        // the tasklet opens its own read transaction per database; no store transaction around it
        return new StepBuilder(JOB, jobRepository).tasklet(backupTasklet, new ResourcelessTransactionManager())
                .listener(progress.tasklet("databases")).build();
    }

    @Bean
    @StepScope
    BackupTasklet backupTasklet(Stores stores, DatabaseCopier copier, BackupFiles files, StepProgressRegistry progress,
            @Value("#{jobParameters['databases']}") String databases, @Value("#{jobParameters['keep']}") Long keep,
            @Value("#{jobParameters['compress']}") String compress) {
        return new BackupTasklet(stores, copier, files, progress, Store.parseList(databases, false), Math.toIntExact(keep),
                "gzip".equals(compress));
    }
}
