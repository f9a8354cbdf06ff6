package com.tradebatch.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** {@code period=day|week|month}: calendar periods in UTC; weeks start on Monday (ISO). */
public enum PeriodUnit {
    DAY, WEEK, MONTH;

    public static PeriodUnit of(String parameter) {
        return valueOf(parameter.trim().toUpperCase(Locale.ROOT));
    }

    /** The first day of the period that contains {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The first day of the next period, for a period starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The value of the {@code timeframe} column. */
    public String timeframe() {
        return name().toLowerCase(Locale.ROOT);
    }
}
