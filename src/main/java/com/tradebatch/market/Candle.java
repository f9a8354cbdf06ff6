package com.tradebatch.market;

import com.tradebatch.common.Interval;
import com.tradebatch.common.TradingTime;

/**
 * One candle as read from a file, times in epoch microseconds (Binance spot files carry microseconds).
 * Nullable fields are absent from some layouts. {@code sourceFile}/{@code line}/{@code raw} say where it came
 * from, for the reject file.
 */
public record Candle(String symbol, Interval interval, long openTime, long closeTime, double open, double high,
        double low, double close, double volume, Double quoteVolume, Long trades, Double takerBuyBase,
        Double takerBuyQuote, String sourceFile, long line, String raw) {

    /** open_time as the trading system stores it. */
    public String openTimeText() {
        return TradingTime.formatEpochMicros(openTime);
    }

    public String closeTimeText() {
        return TradingTime.formatEpochMicros(closeTime);
    }
}
