package com.tradebatch.analytics;

import java.util.List;

/** Every metric row of one period, written together: the period's old rows are replaced by these. */
public record PeriodMetrics(MetricPeriod period, List<MetricRow> rows, long sourceRows) {
}
