package com.tradebatch.analytics;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Runs every metric calculator over one period. */
public class PeriodMetricsProcessor implements ItemProcessor<MetricPeriod, PeriodMetrics> {

    private final List<MetricCalculator> calculators;

    public PeriodMetricsProcessor(List<MetricCalculator> calculators) {
        this.calculators = List.copyOf(calculators);
    }

    @Override
    public PeriodMetrics process(MetricPeriod period) {
        MetricSink sink = new MetricSink();
        for (MetricCalculator c : calculators) {
            c.calculate(period, sink);
        }
        return new PeriodMetrics(period, List.copyOf(sink.rows()), sink.sourceRows());
    }
}
