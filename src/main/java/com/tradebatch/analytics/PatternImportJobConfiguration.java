package com.tradebatch.analytics;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.tradebatch.common.CommittedPositionReader;
import com.tradebatch.common.InputFiles;
import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
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
                List.of(ParameterSpec.required("file", ParameterType.PATH, "file, folder or glob of .jsonl/.csv files"),
                        ParameterSpec.optional("format", ParameterType.STRING, "auto",
                                "auto: by extension (.csv, .jsonl/.ndjson/.json), else by first character")
                                .withChoices("auto", "jsonl", "csv"),
                        ParameterSpec.optional("confidence-scale", ParameterType.STRING, "1",
                                "scale of confidence_score in the file (stored 0-1)").withChoices("1", "100"),
                        ParameterSpec.optional("skip-limit", ParameterType.INTEGER, "100",
                                "rejected lines tolerated before the job fails")));
    }

    @Bean
    Job patternImportJob(JobRepository jobRepository, Step patternImportStep) {
        return new JobBuilder(JOB, jobRepository).start(patternImportStep).build();
    }

    @Bean
    Step patternImportStep(JobRepository jobRepository,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analyticsTx,
            ResultFileReader patternFileReader, PatternResultValidator patternResultValidator,
            PatternCacheWriter patternCacheWriter, RejectListener patternImportRejectListener,
            RejectSkipPolicy patternImportSkipPolicy, AnalyticsProperties props,
            StepProgressRegistry progress) {
        return new StepBuilder(JOB, jobRepository).<InputRecord, PatternResult>chunk(props.chunkSize())
                .transactionManager(analyticsTx)
                .reader(CommittedPositionReader.of(patternFileReader))
                .processor(patternResultValidator)
                .writer(patternCacheWriter)
                .faultTolerant()
                .skipPolicy(patternImportSkipPolicy)
                .listener(patternImportRejectListener)
                .listener(progress.rows())
                .build();
    }

    @Bean
    @StepScope
    RejectSkipPolicy patternImportSkipPolicy(@Value("#{jobParameters['skip-limit']}") Long skipLimit) {
        return new RejectSkipPolicy(skipLimit);
    }

    @Bean
    @StepScope
    ResultFileReader patternFileReader(WorkPaths workPaths, @Value("#{jobParameters['file']}") Path file,
            @Value("#{jobParameters['format']}") String format) {
        return new ResultFileReader(InputFiles.resolve("file", file.toString(), workPaths.baseDir()), format,
                new HashSet<>(PatternResultValidator.REQUIRED));
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

    @Bean
    @StepScope
    RejectListener patternImportRejectListener(WorkPaths workPaths) {
        return new RejectListener(workPaths);
    }
}
