package com.tradebatch.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tradebatch.common.Interval;
import com.tradebatch.common.EpochOrIsoTime;
import com.tradebatch.common.EpochUnit;
import com.tradebatch.common.Utf8Lines;

/**
 * Looks at the start of each file before anything is written: header or not, column layout, series (from the
 * parameters or the Binance-style name), and whether the spacing of the first timestamps matches the interval.
 * Anything that does not fit fails the job here, naming the file, rather than rejecting every row. Lines that
 * are not UTF-8 or not CSV are left out of the sample: they are the reader's rejects.
 */
public class CandleFileInspector {

    /** {@code BTCUSDT-1h-2025-01.csv}, {@code BTCUSDT-1h-2025-01-01.csv}, {@code BTCUSDC_1m_20230301_20230321.csv}. */
    private static final Pattern BINANCE_NAME = Pattern.compile("^([A-Za-z0-9]+)[-_](\\d+[smhdwM])(?:[-_.].*)?$");
    /** Rows looked at to check the spacing of timestamps against the interval. */
    static final int SAMPLE_ROWS = 200;

    private final CandleImportOptions options;

    public CandleFileInspector(CandleImportOptions options) {
        this.options = options;
    }

    public List<CandleFilePlan> inspect(List<Path> files) {
        List<CandleFilePlan> plans = new ArrayList<>();
        for (Path file : files) {
            try {
                plans.add(inspect(file));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return plans;
    }

    CandleFilePlan inspect(Path file) {
        List<List<String>> sample = new ArrayList<>();
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            for (Utf8Lines.Line line = lines.next(); line != null && sample.size() <= SAMPLE_ROWS; line = lines.next()) {
                if (line.isMalformed() || line.text().isBlank()) {
                    continue;
                }
                try {
                    sample.add(CandleCsv.cells(line.text()));
                } catch (IllegalArgumentException e) {
                    // not CSV: rejected by the reader with its line number
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read: " + e.getMessage(), e);
        }
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        List<String> first = sample.get(0);
        boolean header = !first.get(0).isEmpty() && Character.isLetter(first.get(0).charAt(0));
        CandleColumns columns = columns(first, header);
        SymbolInterval series = series(file);
        checkSpacing(header ? sample.subList(1, sample.size()) : sample, columns, series.interval());
        try {
            return new CandleFilePlan(file, series, columns, header, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CandleColumns columns(List<String> first, boolean header) {
        String format = options.format().toLowerCase(Locale.ROOT);
        if (options.columns() != null) {
            return CandleColumns.fromNames(options.columns());
        }
        if (format.equals("binance")) {
            return CandleColumns.BINANCE;
        }
        if (header) {
            return CandleColumns.isBinanceHeader(first) ? CandleColumns.BINANCE : CandleColumns.fromNames(first);
        }
        if (format.equals("generic")) {
            throw new IllegalArgumentException("format=generic needs a header line naming the columns, or columns=");
        }
        if (first.size() >= 11) {
            return CandleColumns.BINANCE;
        }
        throw new IllegalArgumentException("no header and " + first.size()
                + " columns: not Binance's 12-column layout; name the columns with columns=open_time,open,high,low,close,volume,...");
    }

    SymbolInterval series(Path file) {
        String name = file.getFileName().toString();
        Matcher m = BINANCE_NAME.matcher(name);
        String nameSymbol = m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
        String nameInterval = m.matches() ? m.group(2) : null;
        String symbol = options.symbol() != null ? options.symbol() : nameSymbol;
        if (symbol == null) {
            throw new IllegalArgumentException("cannot tell the symbol from the file name: give symbol=");
        }
        if (options.symbol() != null && nameSymbol != null && nameInterval != null && Interval.isStored(nameInterval)
                && !nameSymbol.equals(options.symbol())) {
            throw new IllegalArgumentException("symbol=" + options.symbol() + " but the file name says " + nameSymbol);
        }
        Interval interval;
        if (options.interval() != null) {
            interval = options.interval();
            if (nameInterval != null && !nameInterval.equals(interval.code())) {
                throw new IllegalArgumentException("interval=" + interval + " but the file name says " + nameInterval);
            }
        } else if (nameInterval != null) {
            if (!Interval.isStored(nameInterval)) {
                throw new IllegalArgumentException("interval " + nameInterval + " (from the file name) is not one the "
                        + "trading system stores (" + String.join(" ", Interval.storedCodes()) + ")");
            }
            interval = Interval.stored(nameInterval);
        } else {
            throw new IllegalArgumentException("cannot tell the interval from the file name: give interval=");
        }
        return new SymbolInterval(symbol, interval);
    }

    /**
     * The usual step between consecutive sampled timestamps must be the interval: gaps and a stray bad row do
     * not change the most frequent step, a file of another interval does.
     */
    private void checkSpacing(List<List<String>> rows, CandleColumns columns, Interval interval) {
        EpochOrIsoTime times = options.times();
        java.util.Map<Long, Integer> steps = new java.util.HashMap<>();
        long previous = Long.MIN_VALUE;
        for (List<String> r : rows) {
            long t;
            try {
                t = times.toEpochMicros(r.get(columns.openTime()));
            } catch (RuntimeException e) {
                continue; // a bad row is the validator's business
            }
            if (previous != Long.MIN_VALUE && t > previous) {
                steps.merge(t - previous, 1, Integer::sum);
            }
            previous = t;
        }
        long usual = steps.entrySet().stream()
                .max(java.util.Map.Entry.<Long, Integer>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(java.util.Map.Entry::getKey).orElse(interval.micros());
        if (usual != interval.micros()) {
            throw new IllegalArgumentException("timestamps are " + describe(usual) + " apart, which does not fit interval "
                    + interval + (options.interval() != null ? " (from interval=)" : " (from the file name)")
                    + (options.timeUnit() != EpochUnit.AUTO ? " with time-unit=" + options.timeUnit().parameterValue() : ""));
        }
    }

    private static String describe(long micros) {
        if (micros % 1_000_000 != 0) {
            return micros + " µs";
        }
        long s = micros / 1_000_000;
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
