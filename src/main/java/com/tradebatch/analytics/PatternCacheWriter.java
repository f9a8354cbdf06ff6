package com.tradebatch.analytics;

import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.tradebatch.common.TradingTime;

/**
 * Upserts {@code pattern_cache} on (symbol, interval, pattern_type, detected_at), a key with no UNIQUE index
 * (hence {@link KeyedUpsertWriter}). A row whose values are all equal is left alone (re-loading a file changes
 * nothing, not even updated_at); a value that changed (status, actual_result, actual_pnl, ...) updates the row
 * and its updated_at. Optional values the file leaves empty keep what the row has: loading never erases.
 */
public class PatternCacheWriter extends KeyedUpsertWriter<PatternResult> {

    /** The optional values are COALESCEd with the stored ones, in the SET and in the "something differs" test. */
    private static final String UPDATE = """
            UPDATE pattern_cache SET
                pattern_name = :pattern_name, pattern_start = :pattern_start,
                pattern_end = COALESCE(:pattern_end, pattern_end), confidence_score = :confidence_score,
                entry_price = COALESCE(:entry_price, entry_price), target_price = COALESCE(:target_price, target_price),
                stop_loss = COALESCE(:stop_loss, stop_loss), pattern_data = COALESCE(:pattern_data, pattern_data),
                status = COALESCE(:status, status), actual_result = COALESCE(:actual_result, actual_result),
                actual_pnl = COALESCE(:actual_pnl, actual_pnl), updated_at = :now
            WHERE symbol = :symbol AND interval = :interval AND pattern_type = :pattern_type
              AND detected_at = :detected_at
              AND NOT (pattern_name IS :pattern_name AND pattern_start IS :pattern_start
                AND pattern_end IS COALESCE(:pattern_end, pattern_end) AND confidence_score IS :confidence_score
                AND entry_price IS COALESCE(:entry_price, entry_price)
                AND target_price IS COALESCE(:target_price, target_price)
                AND stop_loss IS COALESCE(:stop_loss, stop_loss) AND pattern_data IS COALESCE(:pattern_data, pattern_data)
                AND status IS COALESCE(:status, status) AND actual_result IS COALESCE(:actual_result, actual_result)
                AND actual_pnl IS COALESCE(:actual_pnl, actual_pnl))
            """;

    private static final String INSERT = """
            INSERT INTO pattern_cache (symbol, interval, pattern_type, detected_at, pattern_name, pattern_start,
                pattern_end, confidence_score, entry_price, target_price, stop_loss, pattern_data, status,
                actual_result, actual_pnl, created_at, updated_at)
            SELECT :symbol, :interval, :pattern_type, :detected_at, :pattern_name, :pattern_start,
                :pattern_end, :confidence_score, :entry_price, :target_price, :stop_loss, :pattern_data,
                COALESCE(:status, 'active'), :actual_result, :actual_pnl, :now, :now
            WHERE NOT EXISTS (SELECT 1 FROM pattern_cache
                              WHERE symbol = :symbol AND interval = :interval AND pattern_type = :pattern_type
                                AND detected_at = :detected_at)
            """;

    public PatternCacheWriter(DataSource analytics) {
        super(analytics, "pattern_cache", UPDATE, INSERT);
    }

    @Override
    protected SqlParameterSource parameters(PatternResult p, String now) {
        return new MapSqlParameterSource()
                .addValue("symbol", p.symbol())
                .addValue("interval", p.interval())
                .addValue("pattern_type", p.patternType())
                .addValue("detected_at", time(p.detectedAt()))
                .addValue("pattern_name", p.patternName())
                .addValue("pattern_start", time(p.patternStart()))
                .addValue("pattern_end", time(p.patternEnd()))
                .addValue("confidence_score", p.confidenceScore())
                .addValue("entry_price", p.entryPrice())
                .addValue("target_price", p.targetPrice())
                .addValue("stop_loss", p.stopLoss())
                .addValue("pattern_data", p.patternData())
                .addValue("status", p.status())
                .addValue("actual_result", p.actualResult())
                .addValue("actual_pnl", p.actualPnl())
                .addValue("now", now);
    }

    private static String time(Instant t) {
        return t == null ? null : TradingTime.format(t);
    }
}
