package com.tradebatch.analytics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
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

/**
 * {@code ml-results-import}: ML predictions (JSON Lines or CSV) into analytics.db's ml_model_results, then a
 * validation step that judges every unvalidated prediction whose horizon has passed against market_data.db.
 */
@Configuration(proxyBeanMethods = false)
public class MlResultsImportJobConfiguration {

    public static final String JOB = "ml-results-import";
    static final String VALIDATION_STEP = "ml-results-validation";

    @Bean
    JobSpec mlResultsImportJobSpec() {
        return new JobSpec(JOB, "load ML predictions into ml_model_results (upsert), then validate those whose"
                + " horizon has passed against the candles",
                List.of(ParameterSpec.required("file", ParameterType.PATH, "file, folder or glob of .jsonl/.csv files"),
                        ParameterSpec.optional("format", ParameterType.STRING, "auto",
                                "auto: by extension (.csv, .jsonl/.ndjson/.json), else by first character")
                                .withChoices("auto", "jsonl", "csv"),
                        ParameterSpec.optional("confidence-scale", ParameterType.STRING, "1",
                                "scale of confidence in the file (stored 0-1)").withChoices("1", "100"),
                        ParameterSpec.optional("skip-limit", ParameterType.INTEGER, "100",
                                "rejected lines tolerated before the job fails"),
                        ParameterSpec.optional("tolerance", ParameterType.DECIMAL, "0.005",
                                "a price prediction is correct within this fraction of the actual close")));
    }

    @Bean
    Job mlResultsImportJob(JobRepository jobRepository, Step mlResultsImportStep, Step mlResultsValidationStep) {
        return new JobBuilder(JOB, jobRepository).start(mlResultsImportStep).next(mlResultsValidationStep).build();
    }

    @Bean
    Step mlResultsImportStep(JobRepository jobRepository,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analyticsTx,
            ResultFileReader mlResultFileReader, MlResultValidator mlResultValidator, MlResultWriter mlResultWriter,
            RejectListener mlResultsRejectListener, RejectSkipPolicy mlResultsSkipPolicy,
            AnalyticsProperties props, StepProgressRegistry progress) {
        return new StepBuilder(JOB, jobRepository).<InputRecord, MlResult>chunk(props.chunkSize())
                .transactionManager(analyticsTx)
                .reader(CommittedPositionReader.of(mlResultFileReader))
                .processor(mlResultValidator)
                .writer(mlResultWriter)
                .faultTolerant()
                .skipPolicy(mlResultsSkipPolicy)
                .listener(mlResultsRejectListener)
                .listener(progress.rows())
                .build();
    }

    @Bean
    Step mlResultsValidationStep(JobRepository jobRepository,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analyticsTx,
            JdbcPagingItemReader<PendingPrediction> pendingPredictionReader, PredictionValidator predictionValidator,
            @Qualifier("analyticsDataSource") DataSource analytics, AnalyticsProperties props,
            StepProgressRegistry progress) {
        return new StepBuilder(VALIDATION_STEP, jobRepository).<PendingPrediction, PredictionOutcome>chunk(props.chunkSize())
                .transactionManager(analyticsTx)
                .reader(pendingPredictionReader)
                .processor(predictionValidator)
                .writer(PredictionOutcomeWriter.create(analytics))
                .listener(progress.rows())
                .build();
    }

    @Bean
    @StepScope
    RejectSkipPolicy mlResultsSkipPolicy(@Value("#{jobParameters['skip-limit']}") Long skipLimit) {
        return new RejectSkipPolicy(skipLimit);
    }

    @Bean
    @StepScope
    ResultFileReader mlResultFileReader(WorkPaths workPaths, @Value("#{jobParameters['file']}") Path file,
            @Value("#{jobParameters['format']}") String format) {
        return new ResultFileReader(InputFiles.resolve("file", file.toString(), workPaths.baseDir()), format,
                new HashSet<>(MlResultValidator.REQUIRED));
    }

    @Bean
    @StepScope
    MlResultValidator mlResultValidator(@Value("#{jobParameters['confidence-scale']}") String scale) {
        return new MlResultValidator(ConfidenceScale.of(scale));
    }

    @Bean
    @StepScope
    MlResultWriter mlResultWriter(@Qualifier("analyticsDataSource") DataSource analytics) {
        return new MlResultWriter(analytics);
    }

    @Bean
    @StepScope
    RejectListener mlResultsRejectListener(WorkPaths workPaths) {
        return new RejectListener(workPaths);
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<PendingPrediction> pendingPredictionReader(
            @Qualifier("analyticsDataSource") DataSource analytics, AnalyticsProperties props) throws Exception {
        return PendingPredictionReader.create(analytics, props.chunkSize());
    }

    /** Step-scoped: "now" is when the validation step starts, the same for every prediction of the run. */
    @Bean
    @StepScope
    PredictionValidator predictionValidator(@Qualifier("marketDataSource") DataSource market,
            @Value("#{jobParameters['tolerance']}") Double tolerance) {
        return new PredictionValidator(new CandleCloses(market), tolerance, Instant.now());
    }
}
