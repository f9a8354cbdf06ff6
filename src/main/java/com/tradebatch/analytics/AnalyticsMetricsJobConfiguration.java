package com.tradebatch.analytics;

import java.time.LocalDate;
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
import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.StoreConfiguration;

/**
 * {@code analytics-metrics}: per period (day, week or month), per symbol and global, the trading, execution,
 * pattern, ML and market figures the dashboards read, into analytics.db's analytics_metrics. One period per
 * chunk: its old rows are replaced in the same transaction; a restart goes on with the next period.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsMetricsJobConfiguration {

    public static final String JOB = "analytics-metrics";

    @Bean
    JobSpec analyticsMetricsJobSpec() {
        return new JobSpec(JOB, "precompute trading, execution, pattern, ML and market metrics per period into"
                + " analytics_metrics (recompute replaces)",
                List.of(ParameterSpec.required("from", ParameterType.DATE, "first day (UTC) of the range"),
                        ParameterSpec.required("to", ParameterType.DATE, "last day (UTC) of the range, inclusive"),
                        ParameterSpec.optional("period", ParameterType.STRING, "day", "period of each row")
                                .withChoices("day", "week", "month"),
                        ParameterSpec.optional("symbols", ParameterType.STRING, "all",
                                "comma list of symbols, or all (all also writes the global rows)")));
    }

    @Bean
    Job analyticsMetricsJob(JobRepository jobRepository, Step analyticsMetricsStep) {
        return new JobBuilder(JOB, jobRepository).start(analyticsMetricsStep).build();
    }

    @Bean
    Step analyticsMetricsStep(JobRepository jobRepository,
            @Qualifier(StoreConfiguration.ANALYTICS_TX) PlatformTransactionManager analyticsTx,
            MetricPeriodReader metricPeriodReader, PeriodMetricsProcessor periodMetricsProcessor,
            AnalyticsMetricsWriter analyticsMetricsWriter, StepProgressRegistry progress) {
        return new StepBuilder(JOB, jobRepository).<MetricPeriod, PeriodMetrics>chunk(1)
                .transactionManager(analyticsTx)
                .reader(CommittedPositionReader.of(metricPeriodReader))
                .processor(periodMetricsProcessor)
                .writer(analyticsMetricsWriter)
                // one period per chunk: done/total in periods (a restart counts the periods done before)
                .listener(progress.listener("periods", metricPeriodReader::position, metricPeriodReader::size))
                .build();
    }

    @Bean
    @StepScope
    MetricPeriodReader metricPeriodReader(@Value("#{jobParameters['from']}") LocalDate from,
            @Value("#{jobParameters['to']}") LocalDate to, @Value("#{jobParameters['period']}") String period) {
        return new MetricPeriodReader(PeriodUnit.of(period), from, to);
    }

    @Bean
    @StepScope
    PeriodMetricsProcessor periodMetricsProcessor(@Qualifier("tradingDataSource") DataSource trading,
            @Qualifier("marketDataSource") DataSource market, @Qualifier("analyticsDataSource") DataSource analytics,
            @Value("#{jobParameters['from']}") LocalDate from, @Value("#{jobParameters['to']}") LocalDate to,
            @Value("#{jobParameters['period']}") String period, @Value("#{jobParameters['symbols']}") String symbols,
            AnalyticsProperties props) {
        SymbolScope scope = SymbolScope.of(symbols);
        List<MetricPeriod> range = MetricPeriodReader.periods(PeriodUnit.of(period), from, to);
        return new PeriodMetricsProcessor(List.of(
                new TradingMetricsCalculator(trading, scope, range, props.fetchSize()),
                new ExecutionMetricsCalculator(analytics, scope, props.fetchSize()),
                new PatternMetricsCalculator(analytics, scope, props.fetchSize()),
                new MlMetricsCalculator(analytics, scope),
                new MarketMetricsCalculator(market, scope, props.fetchSize())));
    }

    @Bean
    @StepScope
    AnalyticsMetricsWriter analyticsMetricsWriter(@Qualifier("analyticsDataSource") DataSource analytics,
            @Value("#{jobParameters['symbols']}") String symbols) {
        return new AnalyticsMetricsWriter(analytics, SymbolScope.of(symbols));
    }
}
