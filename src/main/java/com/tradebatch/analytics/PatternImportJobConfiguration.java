package com.tradebatch.analytics;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.RejectListener;
import com.tradebatch.common.RejectSkipPolicy;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.common.WorkPaths;
import com.tradebatch.store.StoreConfiguration;

/** {@code pattern-import}: pattern-recognition results (JSON Lines or CSV) into analytics.db's pattern_cache. */
@Configuration(proxyBeanMethods = false)
public class PatternImportJobConfiguration {

    public static final String JOB = "pattern-import";

    @Bean
    JobSpec patternImportJobSpec() {
        return new JobSpec(JOB, "load pattern-recognition results into pattern_cache (upsert, bad lines rejected)",
                ResultFileImport.parameters("confidence_score"));
    }

    @Bean
    Job patternImportJob(JobRepository jobRepository, Step patternImportStep) {
        return new JobBuilder(JOB, jobRepository).start(patternImportStep).build();
    }

    @Bean
    Step patternImportStep(JobRepository jobRepository,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analyticsTx,
            ResultFileReader patternFileReader, PatternResultValidator patternResultValidator,
            PatternCacheWriter patternCacheWriter, RejectListener resultFileRejectListener,
            RejectSkipPolicy resultFileSkipPolicy, AnalyticsProperties props,
            StepProgressRegistry progress) {
        return ResultFileImport.step(JOB, jobRepository, analyticsTx, props.chunkSize(), patternFileReader,
                patternResultValidator, patternCacheWriter, resultFileSkipPolicy, resultFileRejectListener, progress);
    }

    @Bean
    @StepScope
    ResultFileReader patternFileReader(WorkPaths workPaths, @Value("#{jobParameters['file']}") Path file,
            @Value("#{jobParameters['format']}") String format) {
        return ResultFileImport.reader(workPaths, file, format, PatternResultValidator.REQUIRED);
    }

    @Bean
    @StepScope
    PatternResultValidator patternResultValidator(@Value("#{jobParameters['confidence-scale']}") String scale) {
        return new PatternResultValidator(ConfidenceScale.of(scale));
    }

    @Bean
    @StepScope
    PatternCacheWriter patternCacheWriter(@Qualifier("analyticsDataSource") DataSource analytics) {
        return new PatternCacheWriter(analytics);
    }
}
