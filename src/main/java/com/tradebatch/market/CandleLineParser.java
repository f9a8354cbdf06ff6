package com.tradebatch.market;

import org.apache.commons.csv.CSVRecord;

import com.tradebatch.common.EpochOrIsoTime;
import com.tradebatch.common.RejectedLineException;

/** Turns one CSV record into a {@link Candle}; what cannot be read becomes a {@link RejectedLineException}. */
class CandleLineParser {

    private final EpochOrIsoTime times;

    CandleLineParser(EpochOrIsoTime times) {
        this.times = times;
    }

    Candle parse(CandleFilePlan plan, CSVRecord r) {
        String file = plan.file().getFileName().toString();
        long line = r.getRecordNumber();
        String raw = String.join(",", r.values());
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
            long close = c.closeTime() >= 0 && !r.get(c.closeTime()).isEmpty() ? times.toEpochMicros(r.get(c.closeTime()))
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
            Long trades = c.trades() >= 0 && !r.get(c.trades()).isEmpty() ? Long.valueOf(r.get(c.trades())) : null;
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

    private static Double optional(CSVRecord r, int index) {
        if (index < 0 || index >= r.size() || r.get(index).isEmpty()) {
            return null;
        }
        return Double.valueOf(r.get(index));
    }

    private static String message(RuntimeException e) {
        if (e instanceof NumberFormatException) {
            return "not a number (" + e.getMessage().replace("For input string: ", "") + ")";
        }
        return e.getMessage();
    }
}
