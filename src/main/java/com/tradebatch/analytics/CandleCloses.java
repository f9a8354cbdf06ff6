package com.tradebatch.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Close prices from market_data.db's candlesticks, by (symbol, interval, open time); read only. The open time
 * is matched as the second it starts, so stored texts with or without a fraction both match, through the
 * unique index (symbol, interval, open_time).
 */
public class CandleCloses {

    static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static final String CLOSE = """
            SELECT close_price FROM candlesticks
            WHERE symbol = ? AND interval = ? AND open_time >= ? AND open_time < ?
            ORDER BY open_time LIMIT 1
            """;

    private final JdbcTemplate market;

    public CandleCloses(DataSource market) {
        this.market = new JdbcTemplate(market);
    }

    /** The close of the candle opening at {@code openTime}, or null when market_data.db does not have it. */
    public Double close(String symbol, String interval, Instant openTime) {
        List<Double> closes = market.queryForList(CLOSE, Double.class, symbol, interval, SECOND.format(openTime),
                SECOND.format(openTime.plusSeconds(1)));
        return closes.isEmpty() ? null : closes.get(0);
    }
}
