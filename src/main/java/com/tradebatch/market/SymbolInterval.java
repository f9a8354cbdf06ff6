package com.tradebatch.market;

import com.tradebatch.common.Interval;

/** A series: one symbol at one interval (a row of candlestick_metadata). */
public record SymbolInterval(String symbol, Interval interval) {

    @Override
    public String toString() {
        return symbol + " " + interval.code();
    }
}
