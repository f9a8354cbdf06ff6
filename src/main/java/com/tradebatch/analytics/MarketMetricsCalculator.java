package com.tradebatch.analytics;

import static com.tradebatch.analytics.MetricSink.details;

import javax.sql.DataSource;


/**
 * {@code market} metrics from market_data.db's candlesticks (read only), candles opening in the period, per
 * symbol and interval (no global row: prices of different symbols do not add up):
 * {@code return:<interval>} = last close / first open - 1; {@code volatility:<interval>} = realized volatility,
 * sqrt(sum of squared log returns of consecutive closes), not annualized; {@code volume:<interval>} = sum of volume.
 */
public class MarketMetricsCalculator implements MetricCalculator {

    public static final String TYPE = "market";

    static final String QUERY = """
            SELECT symbol, interval, open_time, open_price, close_price, volume
            FROM candlesticks
            WHERE open_time >= ? AND open_time < ?
            ORDER BY symbol, interval, open_time
            """;

    private final PeriodQuery rows;

    public MarketMetricsCalculator(DataSource market, SymbolScope scope, int fetchSize) {
        this.rows = new PeriodQuery(market, fetchSize, QUERY, scope);
    }

    private static final class Series {
        String symbol;
        String interval;
        String firstOpenTime;
        String lastOpenTime;
        double firstOpen;
        double lastClose = Double.NaN;
        double sumSq;
        long returns;
        double volume;
        long candles;
    }

    @Override
    public void calculate(MetricPeriod period, MetricSink sink) {
        Series[] cur = {null};
        rows.forEachRow(period, sink, rs -> {
            String symbol = rs.getString(1);
            String interval = rs.getString(2);
            Series s = cur[0];
            if (s == null || !s.symbol.equals(symbol) || !s.interval.equals(interval)) {
                if (s != null) {
                    emit(s, sink);
                }
                s = new Series();
                s.symbol = symbol;
                s.interval = interval;
                s.firstOpenTime = rs.getString(3);
                s.firstOpen = rs.getDouble(4);
                cur[0] = s;
            }
            double close = rs.getDouble(5);
            if (!Double.isNaN(s.lastClose) && s.lastClose > 0 && close > 0) {
                double r = Math.log(close / s.lastClose);
                s.sumSq += r * r;
                s.returns++;
            }
            s.lastClose = close;
            s.lastOpenTime = rs.getString(3);
            s.volume += rs.getDouble(6);
            s.candles++;
        });
        if (cur[0] != null) {
            emit(cur[0], sink);
        }
    }

    private static void emit(Series s, MetricSink sink) {
        var d = details("interval", s.interval, "candles", s.candles, "first_open_time", s.firstOpenTime,
                "last_open_time", s.lastOpenTime, "open", s.firstOpen, "close", s.lastClose);
        if (s.firstOpen > 0) {
            sink.add(TYPE, "return:" + s.interval, s.symbol, s.lastClose / s.firstOpen - 1, (double) s.candles, d);
        }
        if (s.returns > 0) {
            sink.add(TYPE, "volatility:" + s.interval, s.symbol, Math.sqrt(s.sumSq), (double) s.returns, d);
        }
        sink.add(TYPE, "volume:" + s.interval, s.symbol, s.volume, (double) s.candles, d);
    }
}
