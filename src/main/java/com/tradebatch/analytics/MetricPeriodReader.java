package com.tradebatch.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The periods from the one containing {@code from} to the one containing {@code to}, oldest first; whole
 * periods, so a period's figures do not depend on the from/to that asked for it. The count of periods done is
 * kept in the step's execution context: a restart goes on with the next period.
 */
public class MetricPeriodReader extends AbstractItemCountingItemStreamItemReader<MetricPeriod> {

    private final List<MetricPeriod> periods;
    private int next;

    public MetricPeriodReader(PeriodUnit unit, LocalDate from, LocalDate to) {
        this.periods = periods(unit, from, to);
        setName("metric-periods");
    }

    public static List<MetricPeriod> periods(PeriodUnit unit, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to=" + to + " is before from=" + from);
        }
        List<MetricPeriod> list = new ArrayList<>();
        for (LocalDate s = unit.start(from); !s.isAfter(to); s = unit.next(s)) {
            list.add(new MetricPeriod(unit, s, unit.next(s)));
        }
        return list;
    }

    public List<MetricPeriod> all() {
        return periods;
    }

    /** Periods read so far, those of a restarted execution included (progress). */
    public long position() {
        return next;
    }

    /** Periods of the range (progress total). */
    public long size() {
        return periods.size();
    }

    @Override
    protected MetricPeriod doRead() {
        return next < periods.size() ? periods.get(next++) : null;
    }

    @Override
    protected void doOpen() {
        next = 0;
    }

    @Override
    protected void doClose() {
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = itemIndex;
    }
}
