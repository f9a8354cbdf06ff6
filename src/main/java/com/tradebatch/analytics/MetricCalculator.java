package com.tradebatch.analytics;

/** Computes one metric type for a period and puts its rows in the sink. Reads only. */
public interface MetricCalculator {

    void calculate(MetricPeriod period, MetricSink sink);
}
