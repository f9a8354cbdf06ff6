package com.tradebatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The small rules behind the analytics jobs, without Spring: percentiles, periods, kinds, buckets. */
class AnalyticsRulesTest {

    @Test
    void percentilesMatchNumpysDefaultLinearMethod() {
        // reference values from numpy.percentile(x, p)
        assertThat(Percentiles.linear(new double[] {1, 2, 3, 4}, 4, 50)).isEqualTo(2.5);
        assertThat(Percentiles.linear(new double[] {15, 20, 35, 40, 50}, 5, 40)).isCloseTo(29.0, org.assertj.core.data.Offset.offset(1e-12));
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(Percentiles.linear(hundred, 100, 95)).isCloseTo(95.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Percentiles.linear(hundred, 100, 99)).isCloseTo(99.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Percentiles.linear(hundred, 100, 100)).isEqualTo(100);
        assertThat(Percentiles.linear(new double[] {7}, 1, 99)).isEqualTo(7);
        Samples s = new Samples();
        for (double v : new double[] {3, 1, 2}) {
            s.add(v);
        }
        assertThat(s.percentile(50)).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(2);
    }

    @Test
    void periodsAreWholeCalendarPeriods() {
        LocalDate sat = LocalDate.of(2025, 3, 1);
        assertThat(MetricPeriodReader.periods(PeriodUnit.WEEK, sat, sat.plusDays(2))).extracting(MetricPeriod::start)
                .containsExactly(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 3));
        List<MetricPeriod> months = MetricPeriodReader.periods(PeriodUnit.MONTH, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 2, 1));
        assertThat(months).extracting(MetricPeriod::startText).containsExactly("2024-12-01 00:00:00.000000",
                "2025-01-01 00:00:00.000000", "2025-02-01 00:00:00.000000");
        assertThat(months.get(1).endText()).isEqualTo("2025-02-01 00:00:00.000000");
        assertThat(months.get(1).lowerBound()).isEqualTo("2025-01-01 00:00:00");
    }

    @Test
    void predictionKindsConfidenceBucketsAndCandleTimes() {
        assertThat(PredictionKind.of("direction")).isEqualTo(PredictionKind.DIRECTION);
        assertThat(PredictionKind.of("PRICE_DIRECTION")).isEqualTo(PredictionKind.DIRECTION);
        assertThat(PredictionKind.of("close_price")).isEqualTo(PredictionKind.PRICE);
        assertThat(PredictionKind.of("volatility")).isEqualTo(PredictionKind.OTHER);
        assertThat(PatternMetricsCalculator.bucket(0.49)).isZero();
        assertThat(PatternMetricsCalculator.bucket(0.5)).isEqualTo(1);
        assertThat(PatternMetricsCalculator.bucket(0.7)).isEqualTo(3);
        assertThat(PatternMetricsCalculator.bucket(1.0)).isEqualTo(5);
        var hour = com.tradebatch.common.Interval.parse("1h");
        assertThat(hour.ceil(Instant.parse("2025-01-01T10:00:00Z"))).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        assertThat(hour.ceil(Instant.parse("2025-01-01T10:00:00.000001Z"))).isEqualTo(Instant.parse("2025-01-01T11:00:00Z"));
    }
}
