package com.tradebatch.market;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.Interval;
import com.tradebatch.common.JobReport;

/**
 * First step of candle-import: checks every file before a row is written and marks the series it feeds as
 * syncing. The series go into the job's context, so the failure listener can mark them as errors.
 */
public class CandleImportPlanTasklet implements Tasklet {

    static final String SERIES_KEY = "candle.series";

    private final List<CandleFilePlan> plans;
    private final CandleMetadataRepository metadata;

    public CandleImportPlanTasklet(List<CandleFilePlan> plans, CandleMetadataRepository metadata) {
        this.plans = plans;
        this.metadata = metadata;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Set<SymbolInterval> series = plans.stream().map(CandleFilePlan::series)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        metadata.markSyncing(series);
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        job.getExecutionContext().putString(SERIES_KEY, encode(series));
        long bytes = plans.stream().mapToLong(CandleFilePlan::size).sum();
        if (!job.getExecutionContext().containsKey(JobReport.KEY)) {
            JobReport.append(job, String.format("%d file(s), %,d bytes, series: %s", plans.size(), bytes,
                    series.stream().map(SymbolInterval::toString).collect(Collectors.joining(", "))));
        }
        return RepeatStatus.FINISHED;
    }

    static String encode(Set<SymbolInterval> series) {
        return series.stream().map(s -> s.symbol() + "/" + s.interval().code()).collect(Collectors.joining(";"));
    }

    static List<SymbolInterval> decode(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(";")).map(p -> p.split("/"))
                .map(p -> new SymbolInterval(p[0], Interval.stored(p[1]))).toList();
    }
}
