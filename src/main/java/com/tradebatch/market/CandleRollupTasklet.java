package com.tradebatch.market;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.tradebatch.common.Interval;
import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgressRegistry;

/**
 * Rolls each symbol up to each target interval, one (symbol, target) per transaction. Re-running writes
 * nothing new: the upsert leaves unchanged candles alone.
 */
public class CandleRollupTasklet implements Tasklet {

    private final NamedParameterJdbcTemplate jdbc;
    private final StepProgressRegistry progress;
    private final String symbol;
    private final Interval source;
    private final List<Interval> targets;
    private List<SymbolInterval> work;
    private int next;
    private final StringBuilder report = new StringBuilder();

    public CandleRollupTasklet(DataSource market, StepProgressRegistry progress, String symbol, Interval source,
            List<Interval> targets) {
        this.jdbc = new NamedParameterJdbcTemplate(market);
        this.progress = progress;
        this.symbol = symbol;
        this.source = source;
        this.targets = targets;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        var job = step.getJobExecution();
        if (work == null) {
            work = plan();
            progress.of(step).total(work.size());
            Set<SymbolInterval> series = new LinkedHashSet<>(work);
            job.getExecutionContext().putString(CandleImportPlanTasklet.SERIES_KEY, CandleImportPlanTasklet.encode(series));
            if (work.isEmpty()) {
                JobReport.append(job, "no " + source + " candles" + (symbol == null ? "" : " for " + symbol) + " to roll up");
                return RepeatStatus.FINISHED;
            }
        }
        SymbolInterval target = work.get(next++);
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("symbol", target.symbol()).addValue("source", source.code())
                .addValue("target", target.interval().code()).addValue("bucket", target.interval().seconds())
                .addValue("expected", target.interval().seconds() / source.seconds());
        Map<String, Object> counts = jdbc.queryForMap(CandleRollupSql.COUNT_BUCKETS, p);
        long buckets = ((Number) counts.get("buckets")).longValue();
        long complete = ((Number) counts.get("complete")).longValue();
        long sourceRows = ((Number) counts.get("source_rows")).longValue();
        int changed = jdbc.update(CandleRollupSql.UPSERT_COMPLETE_BUCKETS, p);
        for (long i = 0; i < sourceRows; i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(changed);
        contribution.incrementFilterCount(buckets - complete);
        progress.of(step).advance(1, sourceRows);
        report.append(String.format("%-16s from %-3s %,10d buckets, %,10d complete, %,8d incomplete (not written), %,10d written%n",
                target, source, buckets, complete, buckets - complete, changed));
        if (next < work.size()) {
            return RepeatStatus.CONTINUABLE;
        }
        JobReport.append(job, report.toString().stripTrailing());
        return RepeatStatus.FINISHED;
    }

    private List<SymbolInterval> plan() {
        List<String> symbols;
        if (symbol != null) {
            symbols = List.of(symbol);
        } else {
            JdbcTemplate plain = jdbc.getJdbcTemplate();
            symbols = plain.queryForList(CandleRollupSql.SYMBOLS_FROM_METADATA, String.class, source.code());
            if (symbols.isEmpty()) {
                symbols = plain.queryForList(CandleRollupSql.SYMBOLS_FROM_CANDLES, String.class, source.code());
            }
        }
        List<SymbolInterval> result = new ArrayList<>();
        for (String s : symbols) {
            for (Interval t : targets) {
                result.add(new SymbolInterval(s, t));
            }
        }
        return result;
    }
}
