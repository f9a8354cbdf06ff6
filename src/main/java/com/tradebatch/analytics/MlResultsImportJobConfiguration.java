package com.tradebatch.analytics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

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
                Stream.concat(ResultFileImport.parameters("confidence").stream(),
                        Stream.of(ParameterSpec.optional("tolerance", ParameterType.DECIMAL, "0.005",
                                "a price prediction is correct within this fraction of the actual close"))).toList());
    }

    @Bean
    Job mlResultsImportJob(JobRepository jobRepository, Step mlResultsImportStep, Step mlResultsValidationStep) {
        return new JobBuilder(JOB, jobRepository).start(mlResultsImportStep).next(mlResultsValidationStep).build();
    }

    @Bean
    Step mlResultsImportStep(JobRepository jobRepository,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analyticsTx,
            ResultFileReader mlResultFileReader, MlResultValidator mlResultValidator, MlResultWriter mlResultWriter,
            RejectListener resultFileRejectListener, RejectSkipPolicy resultFileSkipPolicy,
            AnalyticsProperties props, StepProgressRegistry progress) {
        return ResultFileImport.step(JOB, jobRepository, analyticsTx, props.chunkSize(), mlResultFileReader,
                mlResultValidator, mlResultWriter, resultFileSkipPolicy, resultFileRejectListener, progress);
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
    ResultFileReader mlResultFileReader(WorkPaths workPaths, @Value("#{jobParameters['file']}") Path file,
            @Value("#{jobParameters['format']}") String format) {
        return ResultFileImport.reader(workPaths, file, format, MlResultValidator.REQUIRED);
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
