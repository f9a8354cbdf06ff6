package com.tradebatch.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.TradingTime;

/**
 * Upserts {@code pattern_cache} on (symbol, interval, pattern_type, detected_at). A row whose values are all
 * equal is left alone (re-loading a file changes nothing, not even updated_at); a value that changed (status,
 * actual_result, actual_pnl, ...) updates the row and its updated_at. Optional values the file leaves empty
 * keep what the row has: loading never erases.
 */
public class PatternCacheWriter implements ItemWriter<PatternResult>, StepExecutionListener {

    /** Columns set from the file, in bind order; "keep" ones are COALESCEd with the stored value. */
    private static final String UPDATE = """
            UPDATE pattern_cache SET
                pattern_name = ?, pattern_start = ?, pattern_end = COALESCE(?, pattern_end),
                confidence_score = ?, entry_price = COALESCE(?, entry_price),
                target_price = COALESCE(?, target_price), stop_loss = COALESCE(?, stop_loss),
                pattern_data = COALESCE(?, pattern_data), status = COALESCE(?, status),
                actual_result = COALESCE(?, actual_result), actual_pnl = COALESCE(?, actual_pnl),
                updated_at = ?
            WHERE symbol = ? AND interval = ? AND pattern_type = ? AND detected_at = ?
              AND NOT (pattern_name IS ? AND pattern_start IS ? AND pattern_end IS COALESCE(?, pattern_end)
                AND confidence_score IS ? AND entry_price IS COALESCE(?, entry_price)
                AND target_price IS COALESCE(?, target_price) AND stop_loss IS COALESCE(?, stop_loss)
                AND pattern_data IS COALESCE(?, pattern_data) AND status IS COALESCE(?, status)
                AND actual_result IS COALESCE(?, actual_result) AND actual_pnl IS COALESCE(?, actual_pnl))
            """;

    private static final String INSERT = """
            INSERT INTO pattern_cache (symbol, interval, pattern_type, detected_at, pattern_name, pattern_start,
                pattern_end, confidence_score, entry_price, target_price, stop_loss, pattern_data, status,
                actual_result, actual_pnl, created_at, updated_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'active'), ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM pattern_cache
                              WHERE symbol = ? AND interval = ? AND pattern_type = ? AND detected_at = ?)
            """;

    private final DataSource analytics;
    private final UpsertCounts counts = new UpsertCounts();

    public PatternCacheWriter(DataSource analytics) {
        this.analytics = analytics;
    }

    @Override
    public void write(Chunk<? extends PatternResult> chunk) throws Exception {
        String now = TradingTime.now();
        try (KeyedUpsert upsert = new KeyedUpsert(analytics, UPDATE, INSERT)) {
            for (PatternResult p : chunk) {
                List<Object> key = Arrays.asList(p.symbol(), p.interval(), p.patternType(), time(p.detectedAt()));
                List<Object> values = Arrays.asList(p.patternName(), time(p.patternStart()), time(p.patternEnd()),
                        p.confidenceScore(), p.entryPrice(), p.targetPrice(), p.stopLoss(), p.patternData(),
                        p.status(), p.actualResult(), p.actualPnl());
                List<Object> update = new ArrayList<>(values);
                update.add(now);
                update.addAll(key);
                update.addAll(values);
                List<Object> insert = new ArrayList<>(key);
                insert.addAll(values);
                insert.add(now);
                insert.add(now);
                insert.addAll(key);
                counts.add(upsert.upsert(update, insert));
            }
        }
    }

    private static String time(java.time.Instant t) {
        return t == null ? null : TradingTime.format(t);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        JobReport.append(stepExecution.getJobExecution(), counts.describe("pattern_cache"));
        return null;
    }
}
