package com.tradebatch.market;

import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.JobReport;

/** Last step of candle-import and candle-rollup: recounts each series and reports its range and gaps. */
public class CandleMetadataTasklet implements Tasklet {

    private final CandleMetadataRepository metadata;

    public CandleMetadataTasklet(CandleMetadataRepository metadata) {
        this.metadata = metadata;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<SymbolInterval> series = CandleImportPlanTasklet.decode(
                job.getExecutionContext().getString(CandleImportPlanTasklet.SERIES_KEY, ""));
        StringBuilder report = new StringBuilder();
        for (SymbolInterval s : series) {
            CandleMetadataRepository.SeriesFigures f = metadata.markSynced(s);
            report.append(String.format("%-16s %,12d candles  %s .. %s  gaps %,d  -> %s%n", s, f.count(),
                    f.earliest(), f.latest(), f.gaps(), f.status()));
        }
        JobReport.append(job, report.toString().stripTrailing());
        return RepeatStatus.FINISHED;
    }
}
