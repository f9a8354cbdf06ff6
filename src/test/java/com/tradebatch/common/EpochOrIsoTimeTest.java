package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.tradebatch.common.EpochOrIsoTime.Zoneless;

/** The one reader of input times: units by magnitude, ISO-8601, and the accepted window's edges. */
class EpochOrIsoTimeTest {

    private static final EpochOrIsoTime AUTO_UTC = new EpochOrIsoTime(EpochUnit.AUTO, Zoneless.UTC);
    private static final EpochOrIsoTime AUTO_OFFSET_REQUIRED = new EpochOrIsoTime(EpochUnit.AUTO, Zoneless.REJECTED);
    private static final Instant T = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void epochUnitsByMagnitudeAndForced() {
        assertThat(AUTO_UTC.parse("1735787045")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("1735787045000")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("1735787045000000")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("1735787045000000000")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("1735787045.5")).isEqualTo(T.plusMillis(500));
        assertThat(AUTO_UTC.parse("1.735787045e9")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("1735787045123456789")).isEqualTo(T.plusNanos(123_456_000)); // below µs dropped
        assertThat(new EpochOrIsoTime(EpochUnit.MS, Zoneless.UTC).parse("1735787045")).isEqualTo(Instant.ofEpochMilli(1735787045L));
        assertThat(new EpochOrIsoTime(EpochUnit.NS, Zoneless.UTC).parse("1735787045000000000")).isEqualTo(T);
        assertThat(EpochUnit.of("ns")).isEqualTo(EpochUnit.NS);
    }

    @Test
    void isoWithOffsetEverywhereWithoutOffsetOnlyWhereUtcIsMeant() {
        assertThat(AUTO_OFFSET_REQUIRED.parse("2025-01-02T03:04:05Z")).isEqualTo(T);
        assertThat(AUTO_OFFSET_REQUIRED.parse("2025-01-02T05:04:05+02:00")).isEqualTo(T);
        assertThat(AUTO_OFFSET_REQUIRED.parse("2025-01-02 03:04:05.000000+00:00")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("2025-01-02 03:04:05")).isEqualTo(T);
        assertThat(AUTO_UTC.parse("2025-01-02")).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThatThrownBy(() -> AUTO_OFFSET_REQUIRED.parse("2025-01-02 03:04:05")).hasMessageContaining("with an offset");
        assertThatThrownBy(() -> AUTO_UTC.parse("2025-02-30T00:00:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AUTO_UTC.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AUTO_UTC.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(AUTO_UTC.parse("1970-01-01T00:00:00Z")).isEqualTo(AcceptedTimeWindow.FROM);
        assertThat(AUTO_UTC.parse("0")).isEqualTo(AcceptedTimeWindow.FROM);
        assertThat(AUTO_UTC.parse("2099-12-31T23:59:59.999999Z")).isEqualTo(AcceptedTimeWindow.UNTIL.minusNanos(1_000));
        assertThat(AUTO_UTC.parse("4102444799")).isEqualTo(AcceptedTimeWindow.UNTIL.minusSeconds(1));
        assertThat(AUTO_UTC.parse("4102444799999999999")).isEqualTo(AcceptedTimeWindow.UNTIL.minusNanos(1_000));
        for (String outside : new String[] {"2100-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "4102444800",
                "4102444800000", "-1", "+12025-01-01T00:00:00Z", "1e20", "99999999999999999999", "-99999999999999999999",
                "9223372036854775807", "1e999", "99999999999"}) {
            assertThatThrownBy(() -> AUTO_UTC.parse(outside)).as(outside).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside the accepted time window 1970-01-01 .. 2100-01-01 UTC");
        }
        // a forced unit that overflows a long is outside too, not an ArithmeticException
        assertThatThrownBy(() -> new EpochOrIsoTime(EpochUnit.S, Zoneless.UTC).parse("999999999999999999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch seconds");
    }
}
