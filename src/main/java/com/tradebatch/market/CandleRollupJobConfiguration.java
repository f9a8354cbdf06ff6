package com.tradebatch.market;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

import com.tradebatch.common.Interval;
import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.StoreConfiguration;

/**
 * {@code candle-rollup}: builds coarser candles from finer ones already in {@code candlesticks}
 * (e.g. 1h -> 4h, 1d), then brings {@code candlestick_metadata} of the targets up to date.
 */
@Configuration(proxyBeanMethods = false)
public class CandleRollupJobConfiguration {

    public static final String JOB = "candle-rollup";

    @Bean
    JobSpec candleRollupJobSpec() {
        String[] coarser = Arrays.copyOfRange(Interval.storedCodes(), 1, Interval.storedCodes().length);
        return new JobSpec(JOB, "roll candles up to coarser intervals (only complete buckets are written)", List.of(
                ParameterSpec.required("source-interval", ParameterType.STRING, "the interval to roll up from")
                        .withChoices(Interval.storedCodes()),
                ParameterSpec.required("target-intervals", ParameterType.LIST, "coarser intervals to build")
                        .withChoices(coarser),
                ParameterSpec.optional("symbol", ParameterType.STRING, null, "one symbol (default: every symbol)")))
                .withCrossCheck(values -> checkCoarser(values.get("source-interval"), values.get("target-intervals")));
    }

    static void checkCoarser(String source, String targets) {
        Interval from = Interval.stored(source);
        for (String code : targets.split(",")) {
            Interval t = Interval.stored(code);
            if (t.seconds() <= from.seconds() || t.seconds() % from.seconds() != 0) {
                throw new IllegalArgumentException("target-intervals: " + t + " is not coarser than source-interval " + from);
            }
        }
    }

    @Bean
    Job candleRollupJob(JobRepository repo, Step candleRollupStep, Step candleRollupMetadataStep,
            CandleMetadataRepository metadata) {
        return new JobBuilder(JOB, repo).listener(new CandleSyncStatusListener(metadata))
                .start(candleRollupStep).next(candleRollupMetadataStep).build();
    }

    @Bean
    Step candleRollupStep(JobRepository repo, CandleRollupTasklet candleRollupTasklet,
            @Qualifier(StoreConfiguration.MARKET_TX) PlatformTransactionManager tx, StepProgressRegistry progress) {
        return new StepBuilder("candle-rollup", repo).tasklet(candleRollupTasklet, tx)
                .listener(progress.tasklet("series")).build();
    }

    @Bean
    Step candleRollupMetadataStep(JobRepository repo, CandleMetadataRepository metadata,
            @Qualifier(StoreConfiguration.MARKET_TX) PlatformTransactionManager tx) {
        return new StepBuilder("candle-rollup-metadata", repo).tasklet(new CandleMetadataTasklet(metadata), tx).build();
    }

    @Bean
    @StepScope
    CandleRollupTasklet candleRollupTasklet(@Qualifier("marketDataSource") DataSource market, StepProgressRegistry progress,
            @Value("#{jobParameters['symbol']}") String symbol, @Value("#{jobParameters['source-interval']}") String source,
            @Value("#{jobParameters['target-intervals']}") String targets) {
        checkCoarser(source, targets);
        Interval from = Interval.stored(source);
        List<Interval> to = Arrays.stream(targets.split(",")).map(Interval::stored).toList();
        return new CandleRollupTasklet(market, progress, symbol == null || symbol.isBlank() ? null
                : symbol.trim().toUpperCase(Locale.ROOT), from, to);
    }
}
