package com.tradebatch.market;

import java.nio.file.Path;
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
import com.tradebatch.common.Interval;
import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.RejectListener;
import com.tradebatch.common.RejectSkipPolicy;
import com.tradebatch.common.StepProgressListener;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.common.WorkPaths;
import com.tradebatch.store.StoreConfiguration;

/**
 * {@code candle-import}: exchange kline files into {@code candlesticks}, then {@code candlestick_metadata}.
 * plan (check every file, mark series syncing) -> import (read, validate, upsert; bad rows to the reject file)
 * -> metadata (recount, gaps, complete/partial). A failure marks the series {@code error}.
 */
@Configuration(proxyBeanMethods = false)
public class CandleImportJobConfiguration {

    public static final String JOB = "candle-import";

    @Bean
    JobSpec candleImportJobSpec() {
        return new JobSpec(JOB, "load exchange candle files (Binance kline CSV, generic CSV) into candlesticks", List.of(
                ParameterSpec.required("file", ParameterType.PATH, "a file, a folder, or a glob such as data/BTCUSDT-1h-*.csv"),
                ParameterSpec.optional("symbol", ParameterType.STRING, null, "symbol for every file (default: from the file name)"),
                ParameterSpec.optional("interval", ParameterType.STRING, null, "interval for every file (default: from the file name)")
                        .withChoices(Interval.storedCodes()),
                ParameterSpec.optional("format", ParameterType.STRING, "auto", "file layout").withChoices("auto", "binance", "generic"),
                ParameterSpec.optional("columns", ParameterType.STRING, null,
                        "column names of a headerless file, e.g. open_time,open,high,low,close,volume"),
                ParameterSpec.optional("time-unit", ParameterType.STRING, "auto", "unit of epoch timestamps (auto: by magnitude)")
                        .withChoices("auto", "s", "ms", "us", "ns"),
                ParameterSpec.optional("skip-limit", ParameterType.INTEGER, "100", "bad rows tolerated before the job fails")));
    }

    @Bean
    Job candleImportJob(JobRepository repo, Step candleImportPlanStep, Step candleImportStep, Step candleMetadataStep,
            CandleMetadataRepository metadata) {
        return new JobBuilder(JOB, repo)
                .listener(new CandleSyncStatusListener(metadata))
                .start(candleImportPlanStep).next(candleImportStep).next(candleMetadataStep)
                .build();
    }

    @Bean
    Step candleImportPlanStep(JobRepository repo, CandleImportPlanTasklet candleImportPlanTasklet,
            @Qualifier(StoreConfiguration.MARKET_TX) PlatformTransactionManager tx) {
        // re-checks the files and marks the series syncing again on a restart
        return new StepBuilder("candle-import-plan", repo).tasklet(candleImportPlanTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step candleImportStep(JobRepository repo, CandleFileReader candleFileReader,
            @Qualifier(StoreConfiguration.MARKET_BULK_TX) PlatformTransactionManager tx,
            @Qualifier(StoreConfiguration.MARKET_BULK_DS) DataSource market,
            RejectListener candleRejectListener, StepProgressListener<Candle> candleProgressListener,
            RejectSkipPolicy candleSkipPolicy, MarketProperties props) {
        // chunks begin DEFERRED (MARKET_BULK_TX): the write lock is free while the next chunk is read
        CandleUpsertWriter writer = CandleUpsertWriter.create(market);
        return new StepBuilder("candle-import", repo).<Candle, Candle>chunk(props.chunkSize())
                .transactionManager(tx)
                .reader(CommittedPositionReader.of(candleFileReader))
                .processor(new CandleValidator())
                .writer(writer)
                .faultTolerant()
                .skipPolicy(candleSkipPolicy)
                .listener(candleRejectListener) // step and skip events: writes the reject file
                .listener(candleProgressListener)
                .build();
    }

    @Bean
    Step candleMetadataStep(JobRepository repo, CandleMetadataRepository metadata,
            @Qualifier(StoreConfiguration.MARKET_TX) PlatformTransactionManager tx) {
        return new StepBuilder("candle-metadata", repo).tasklet(new CandleMetadataTasklet(metadata), tx).build();
    }

    @Bean
    @StepScope
    CandleImportRequest candleImportRequest(@Value("#{jobParameters['file']}") Path file,
            @Value("#{jobParameters['symbol']}") String symbol, @Value("#{jobParameters['interval']}") String interval,
            @Value("#{jobParameters['format']}") String format, @Value("#{jobParameters['columns']}") String columns,
            @Value("#{jobParameters['time-unit']}") String timeUnit, WorkPaths paths) {
        return new CandleImportRequest(file.toString(), CandleImportOptions.of(symbol, interval, format, columns, timeUnit),
                paths.baseDir());
    }

    @Bean
    @StepScope
    CandleImportPlanTasklet candleImportPlanTasklet(CandleImportRequest candleImportRequest,
            CandleMetadataRepository metadata) {
        return new CandleImportPlanTasklet(candleImportRequest.files(), metadata);
    }

    @Bean
    @StepScope
    CandleFileReader candleFileReader(CandleImportRequest candleImportRequest) {
        return new CandleFileReader(candleImportRequest.files(), candleImportRequest.options().times());
    }

    @Bean
    @StepScope
    RejectListener candleRejectListener(WorkPaths paths) {
        return new RejectListener(paths);
    }

    @Bean
    @StepScope
    RejectSkipPolicy candleSkipPolicy(@Value("#{jobParameters['skip-limit']}") Long skipLimit) {
        return new RejectSkipPolicy(skipLimit);
    }

    @Bean
    @StepScope
    StepProgressListener<Candle> candleProgressListener(StepProgressRegistry progress,
            CandleFileReader candleFileReader) {
        // done/total in bytes of the input: rows are not known before the files are read
        return progress.listener("bytes", candleFileReader::bytesRead, candleFileReader::totalBytes);
    }
}
