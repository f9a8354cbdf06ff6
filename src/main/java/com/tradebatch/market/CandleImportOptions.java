package com.tradebatch.market;

import java.util.Arrays;
import java.util.List;

import com.tradebatch.common.Interval;
import com.tradebatch.common.EpochOrIsoTime;
import com.tradebatch.common.EpochUnit;

/**
 * The candle-import parameters that decide how files are read.
 *
 * @param symbol   null: from each file's name
 * @param interval null: from each file's name
 * @param columns  null: from the header or Binance's layout
 */
public record CandleImportOptions(String symbol, Interval interval, String format, List<String> columns,
        EpochUnit timeUnit) {

    public static CandleImportOptions of(String symbol, String interval, String format, String columns, String timeUnit) {
        return new CandleImportOptions(blank(symbol) ? null : symbol.trim().toUpperCase(java.util.Locale.ROOT),
                blank(interval) ? null : Interval.stored(interval.trim()),
                blank(format) ? "auto" : format.trim(),
                blank(columns) ? null : Arrays.stream(columns.split(",")).map(String::trim).toList(),
                blank(timeUnit) ? EpochUnit.AUTO : EpochUnit.of(timeUnit));
    }

    /** How this run reads times: the time-unit for epoch numbers; ISO text without an offset is UTC. */
    public EpochOrIsoTime times() {
        return new EpochOrIsoTime(timeUnit, EpochOrIsoTime.Zoneless.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
