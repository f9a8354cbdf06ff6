package com.tradebatch.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.tradebatch.common.TradingTime;

/**
 * One period to compute: from {@code start} (inclusive) to {@code end} (exclusive), both midnight UTC. Rows are
 * in the period when {@code start <= time < end}; {@code period_end} holds the exclusive end.
 */
public record MetricPeriod(PeriodUnit unit, LocalDate start, LocalDate end) {

    public Instant startInstant() {
        return start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant endInstant() {
        return end.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** period_start as written: the system's DateTime text. */
    public String startText() {
        return TradingTime.format(startInstant());
    }

    public String endText() {
        return TradingTime.format(endInstant());
    }

    /**
     * The bound to compare stored DateTime texts with: {@code YYYY-MM-DD 00:00:00}, no fraction, so that texts
     * written with six fraction digits and texts without any (server defaults) both sort on the right side.
     */
    public String lowerBound() {
        return start + " 00:00:00";
    }

    public String upperBound() {
        return end + " 00:00:00";
    }

    @Override
    public String toString() {
        return unit.timeframe() + " " + start;
    }
}
