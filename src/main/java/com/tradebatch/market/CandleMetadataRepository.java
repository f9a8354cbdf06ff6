package com.tradebatch.market;

import java.util.Collection;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.tradebatch.common.TradingTime;

/**
 * Keeps {@code candlestick_metadata} true to {@code candlesticks}: sync status through an import (syncing ->
 * complete / partial / error) and, after it, the real first/last candle, count and gaps of each series.
 */
@Component
public class CandleMetadataRepository {

    public static final String SYNCING = "syncing";
    public static final String COMPLETE = "complete";
    public static final String PARTIAL = "partial";
    public static final String ERROR = "error";

    private static final String MARK_SYNCING = """
            INSERT INTO candlestick_metadata (symbol, interval, sync_status, last_attempt_at, created_at, updated_at)
            VALUES (?, ?, 'syncing', ?, ?, ?)
            ON CONFLICT (symbol, interval) DO UPDATE SET
                sync_status = 'syncing', last_attempt_at = excluded.last_attempt_at,
                error_code = NULL, error_message = NULL, updated_at = excluded.updated_at
            """;

    private static final String SERIES_FIGURES = """
            SELECT min(open_time), max(open_time), count(*) FROM candlesticks WHERE symbol = ? AND interval = ?
            """;

    private static final String MARK_SYNCED = """
            INSERT INTO candlestick_metadata (symbol, interval, earliest_timestamp, latest_timestamp, total_candles,
                                              last_sync, sync_status, last_attempt_at, last_success_at, created_at,
                                              updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (symbol, interval) DO UPDATE SET
                earliest_timestamp = excluded.earliest_timestamp, latest_timestamp = excluded.latest_timestamp,
                total_candles = excluded.total_candles, last_sync = excluded.last_sync,
                sync_status = excluded.sync_status, last_success_at = excluded.last_success_at,
                error_code = NULL, error_message = NULL, updated_at = excluded.updated_at
            """;

    private static final String MARK_ERROR = """
            INSERT INTO candlestick_metadata (symbol, interval, sync_status, error_code, error_message,
                                              last_attempt_at, created_at, updated_at)
            VALUES (?, ?, 'error', ?, ?, ?, ?, ?)
            ON CONFLICT (symbol, interval) DO UPDATE SET
                sync_status = 'error', error_code = excluded.error_code, error_message = excluded.error_message,
                updated_at = excluded.updated_at
            """;

    /** error_message is for a dashboard line, not a log. */
    private static final int MAX_ERROR_MESSAGE = 500;

    private final JdbcTemplate jdbc;

    public CandleMetadataRepository(@Qualifier("marketDataSource") DataSource market) {
        this.jdbc = new JdbcTemplate(market);
    }

    /** What the table holds for one series after a load. */
    public record SeriesFigures(SymbolInterval series, String earliest, String latest, long count, long gaps) {
        public String status() {
            return gaps == 0 ? COMPLETE : PARTIAL;
        }
    }

    public void markSyncing(Collection<SymbolInterval> series) {
        String now = TradingTime.now();
        for (SymbolInterval s : series) {
            jdbc.update(MARK_SYNCING, s.symbol(), s.interval().code(), now, now, now);
        }
    }

    /** Recounts a series from the candles themselves and records it as synced (complete, or partial with gaps). */
    public SeriesFigures markSynced(SymbolInterval s) {
        SeriesFigures f = jdbc.queryForObject(SERIES_FIGURES, (rs, n) -> {
            String earliest = rs.getString(1);
            String latest = rs.getString(2);
            long count = rs.getLong(3);
            long gaps = 0;
            if (count > 0) {
                long span = TradingTime.parseToEpochMicros(latest) - TradingTime.parseToEpochMicros(earliest);
                gaps = span / s.interval().micros() + 1 - count;
            }
            return new SeriesFigures(s, earliest, latest, count, gaps);
        }, s.symbol(), s.interval().code());
        String now = TradingTime.now();
        jdbc.update(MARK_SYNCED, s.symbol(), s.interval().code(), f.earliest(), f.latest(), f.count(), now, f.status(),
                now, now, now, now);
        return f;
    }

    public void markError(Collection<SymbolInterval> series, String code, String message) {
        String now = TradingTime.now();
        String msg = message == null ? null
                : message.length() > MAX_ERROR_MESSAGE ? message.substring(0, MAX_ERROR_MESSAGE) : message;
        for (SymbolInterval s : series) {
            jdbc.update(MARK_ERROR, s.symbol(), s.interval().code(), code, msg, now, now, now);
        }
    }
}
