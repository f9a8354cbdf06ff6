package com.tradebatch.market;

import com.tradebatch.common.Interval;
import com.tradebatch.common.TradingTime;

/**
 * One candle as read from a file, times in epoch microseconds (Binance spot files carry microseconds), and the same
 * times as the trading system stores them ({@code openTimeText}, {@code closeTimeText}). Nullable fields are absent
 * from some layouts. {@code sourceFile}/{@code line}/{@code raw} say where it came from, for the reject file.
 */
public record Candle(String symbol, Interval interval, long openTime, long closeTime, double open, double high,
        double low, double close, double volume, Double quoteVolume, Long trades, Double takerBuyBase,
        Double takerBuyQuote, String sourceFile, long line, String raw, String openTimeText, String closeTimeText) {

    /**
     * Formats the stored times here, where the candle is made: on candle-import's parser thread, not on the thread
     * that writes SQLite.
     */
    public Candle(String symbol, Interval interval, long openTime, long closeTime, double open, double high,
            double low, double close, double volume, Double quoteVolume, Long trades, Double takerBuyBase,
            Double takerBuyQuote, String sourceFile, long line, String raw) {
        this(symbol, interval, openTime, closeTime, open, high, low, close, volume, quoteVolume, trades, takerBuyBase,
                takerBuyQuote, sourceFile, line, raw, TradingTime.formatEpochMicros(openTime),
                TradingTime.formatEpochMicros(closeTime));
    }
}
