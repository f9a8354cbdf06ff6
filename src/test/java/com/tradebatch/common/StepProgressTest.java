package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The one progress line and its ETA, on a clock the test turns. */
class StepProgressTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private StepProgress progress(String unit, ExecutionContext context) {
        return new StepProgress("backup", unit, null, null, context, Duration.ofSeconds(1), nanos::get);
    }

    private void seconds(long s) {
        nanos.addAndGet(Duration.ofSeconds(s).toNanos());
    }

    @Test
    void lineWithAKnownTotal() {
        StepProgress p = progress("databases", null).total(3);
        seconds(10);
        p.advance(1, 120_000);
        assertThat(p.snapshot().line())
                .isEqualTo("backup: 1/3 databases (33.3%), 120,000 rows, 12,000 rows/s, ETA 0:00:20");
    }

    @Test
    void lineWithAnUnknownTotal() {
        StepProgress p = progress("rows", null);
        seconds(2);
        p.advance(5_000);
        assertThat(p.snapshot().line()).isEqualTo("backup: 5,000/? rows (?%), 5,000 rows, 2,500 rows/s, ETA ?");
    }

    @Test
    void etaGoesByThisRunsPaceOnly() {
        // 40 of 100 done by an earlier run, 10 in 30 s now: 50 left at 3 s each
        assertThat(ProgressSnapshot.eta(Duration.ofSeconds(30), 40, 50, 100)).isEqualTo(Duration.ofSeconds(150));
        assertThat(ProgressSnapshot.eta(Duration.ofSeconds(30), 40, 40, 100)).as("no pace yet").isNull();
        assertThat(ProgressSnapshot.eta(Duration.ofSeconds(30), 0, 10, -1)).as("unknown total").isNull();
        assertThat(ProgressSnapshot.eta(Duration.ofSeconds(30), 0, 100, 100)).isEqualTo(Duration.ZERO);
    }

    @Test
    void clockShowsHoursPastADay() {
        assertThat(ProgressSnapshot.clock(Duration.ofSeconds(90_061))).isEqualTo("25:01:01");
        assertThat(ProgressSnapshot.clock(Duration.ofMillis(1_499))).isEqualTo("0:00:01");
    }

    @Test
    void aResumedStepStartsAtWhatTheEarlierRunDid() {
        StepProgress p = progress("databases", null).total(4).resumedAt(2);
        p.resumedAt(3); // a later pass of the tasklet: ignored
        seconds(5);
        p.advance(1, 0);
        ProgressSnapshot s = p.snapshot();
        assertThat(s.done()).isEqualTo(3);
        assertThat(s.eta()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void positionAndTotalFromTheReaderWin() {
        AtomicLong bytes = new AtomicLong();
        StepProgress p = new StepProgress("candle-import", "bytes", bytes::get, () -> 1_000, null, Duration.ofSeconds(1),
                nanos::get);
        bytes.set(250);
        seconds(1);
        p.advance(40);
        assertThat(p.snapshot().line())
                .isEqualTo("candle-import: 250/1,000 bytes (25.0%), 40 rows, 40 rows/s, ETA 0:00:03");
    }

    @Test
    void theLatestFiguresAreInTheStepsExecutionContext() {
        ExecutionContext context = new ExecutionContext();
        StepProgress p = progress("databases", context).total(2);
        seconds(4);
        p.advance(1, 400);
        assertThat(context.getLong(StepProgress.DONE)).isEqualTo(1);
        assertThat(context.getLong(StepProgress.TOTAL)).isEqualTo(2);
        assertThat(context.getString(StepProgress.UNIT)).isEqualTo("databases");
        assertThat(context.getLong(StepProgress.ROWS)).isEqualTo(400);
        assertThat(context.getDouble(StepProgress.ROWS_PER_SECOND)).isEqualTo(100.0);
        assertThat(context.getLong(StepProgress.ETA_SECONDS)).isEqualTo(4);
    }
}
