package com.tradebatch.market;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.tradebatch.common.RejectedLineException;

/**
 * The rules every candle must meet before it is written: finite numbers, low <= min(open, close),
 * high >= max(open, close), no negative volumes, open_time on the interval grid, close_time inside the candle.
 */
public class CandleValidator implements ItemProcessor<Candle, Candle> {

    @Override
    public Candle process(Candle c) {
        String problem = problem(c);
        if (problem != null) {
            throw new RejectedLineException(c.sourceFile(), c.line(), problem, c.raw());
        }
        return c;
    }

    static String problem(Candle c) {
        if (!finite(c.open(), c.high(), c.low(), c.close(), c.volume())
                || !finiteOrNull(c.quoteVolume(), c.takerBuyBase(), c.takerBuyQuote())) {
            return "a number is not finite";
        }
        if (c.low() > Math.min(c.open(), c.close())) {
            return "low " + c.low() + " is above min(open, close) " + Math.min(c.open(), c.close());
        }
        if (c.high() < Math.max(c.open(), c.close())) {
            return "high " + c.high() + " is below max(open, close) " + Math.max(c.open(), c.close());
        }
        if (c.volume() < 0 || negative(c.quoteVolume()) || negative(c.takerBuyBase()) || negative(c.takerBuyQuote())
                || (c.trades() != null && c.trades() < 0)) {
            return "negative volume or trade count";
        }
        long step = c.interval().micros();
        if (Math.floorMod(c.openTime(), step) != 0) {
            return "open_time is not aligned to the " + c.interval() + " interval";
        }
        if (c.closeTime() < c.openTime() || c.closeTime() >= c.openTime() + step) {
            return "close_time is not within the candle (open_time .. open_time + " + c.interval() + ")";
        }
        return null;
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finiteOrNull(Double... values) {
        for (Double v : values) {
            if (v != null && !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean negative(Double v) {
        return v != null && v < 0;
    }
}
