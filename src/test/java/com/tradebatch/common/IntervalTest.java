package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one interval model: the named sets each job accepts, lengths, close times. */
class IntervalTest {

    @Test
    void namedSetsLengthsAndCloseTimes() {
        assertThat(Interval.storedCodes()).containsExactly("1m", "5m", "15m", "1h", "4h", "1d");
        assertThat(Interval.isStored("2h")).isFalse();
        assertThat(Interval.isInResults("2h")).isTrue();
        assertThat(Interval.isInResults("1w")).isFalse();
        assertThat(Interval.stored("4h").seconds()).isEqualTo(14_400);
        assertThatThrownBy(() -> Interval.stored("2h")).hasMessageContaining("expected one of 1m, 5m, 15m, 1h, 4h, 1d");
        assertThatThrownBy(() -> Interval.parse("0m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interval.parse("1y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Interval.parse("1w").closeTime(Instant.parse("2025-01-06T00:00:00Z")))
                .isEqualTo(Instant.parse("2025-01-12T23:59:59.999Z"));
        assertThat(Interval.parse("1M").isFixedLength()).isFalse();
        assertThatThrownBy(() -> Interval.parse("1M").seconds()).isInstanceOf(IllegalStateException.class);
    }
}
