package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The hand-built DateTime text is exactly what the formatter of the system's pattern gives. */
class TradingTimeTest {

    /** The storage format as the trading system reads it, independent of TradingTime's code. */
    private static final DateTimeFormatter SYSTEM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void sameTextAsTheFormatterForInstantsFromYearOneToBeyond9999() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() - 86_400 * 400L;
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400 * 400L;
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(first, last), random.nextInt(1_000_000_000));
            assertThat(TradingTime.format(t)).as("%s", t).isEqualTo(SYSTEM.format(t));
        }
    }

    @Test
    void edgesAndTruncatedNanos() {
        for (String s : new String[] { "0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "2025-01-31T23:59:59.999999Z", "2024-02-29T12:00:00.000000500Z", "9999-12-31T23:59:59.999999999Z",
                "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z" }) {
            Instant t = Instant.parse(s);
            assertThat(TradingTime.format(t)).as(s).isEqualTo(SYSTEM.format(t));
        }
        assertThat(TradingTime.format(Instant.parse("2025-01-31T23:59:59.9999999Z"))).isEqualTo("2025-01-31 23:59:59.999999");
    }
}
