package com.tradebatch.market;

import java.util.List;

import com.tradebatch.common.Interval;
import com.tradebatch.common.EpochOrIsoTime;
import com.tradebatch.common.RejectedLineException;
import com.tradebatch.common.Utf8Lines;

/** Turns the values of one CSV line into a {@link Candle}; what cannot be read becomes a {@link RejectedLineException}. */
class CandleLineParser {

    private final EpochOrIsoTime times;

    CandleLineParser(EpochOrIsoTime times) {
        this.times = times;
    }

    Candle parse(CandleFilePlan plan, Utf8Lines.Line text) {
        String file = plan.file().getFileName().toString();
        long line = text.number();
        String raw = text.text();
        if (text.isMalformed()) {
            throw new RejectedLineException(file, line, text.malformed(), raw);
        }
        List<String> r;
        try {
            r = CandleCsv.cells(raw);
        } catch (IllegalArgumentException e) {
            throw new RejectedLineException(file, line, e.getMessage(), raw);
        }
        CandleColumns c = plan.columns();
        if (r.size() <= maxIndex(c)) {
            throw new RejectedLineException(file, line, "expected " + (maxIndex(c) + 1) + " columns, found " + r.size(), raw);
        }
        String field = "open_time";
        try {
            long open = times.toEpochMicros(r.get(c.openTime()));
            Interval interval = plan.series().interval();
            field = "close_time";
            // close_time: the file's own where it has one, else open + interval - 1 ms (Binance's convention)
            long close = !cell(r, c.closeTime()).isEmpty() ? times.toEpochMicros(cell(r, c.closeTime()))
                    : open + interval.micros() - 1_000;
            field = "open";
            double o = number(r.get(c.open()));
            field = "high";
            double h = number(r.get(c.high()));
            field = "low";
            double l = number(r.get(c.low()));
            field = "close";
            double cl = number(r.get(c.close()));
            field = "volume";
            double v = number(r.get(c.volume()));
            field = "quote_volume";
            Double qv = optional(r, c.quoteVolume());
            field = "number_of_trades";
            Long trades = !cell(r, c.trades()).isEmpty() ? Long.valueOf(cell(r, c.trades())) : null;
            field = "taker_buy_volume";
            Double tb = optional(r, c.takerBuyBase());
            field = "taker_buy_quote_volume";
            Double tq = optional(r, c.takerBuyQuote());
            return new Candle(plan.series().symbol(), interval, open, close, o, h, l, cl, v, qv, trades, tb, tq, file,
                    line, raw);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RejectedLineException(file, line, field + ": " + message(e), raw);
        }
    }

    private static int maxIndex(CandleColumns c) {
        return Math.max(Math.max(c.openTime(), Math.max(c.open(), c.high())),
                Math.max(Math.max(c.low(), c.close()), c.volume()));
    }

    private static double number(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return Double.parseDouble(s);
    }

    private static Double optional(List<String> r, int index) {
        String v = cell(r, index);
        return v.isEmpty() ? null : Double.valueOf(v);
    }

    /** An optional column's value: empty when the layout has no such column or the line is short. */
    private static String cell(List<String> r, int index) {
        return index < 0 || index >= r.size() ? "" : r.get(index);
    }

    private static String message(RuntimeException e) {
        if (e instanceof NumberFormatException) {
            return "not a number (" + e.getMessage().replace("For input string: ", "") + ")";
        }
        return e.getMessage();
    }
}
