package com.tradebatch.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.tradebatch.support.CandleFiles;

/**
 * The reader closed from another thread while the step's thread reads: what Spring Batch's {@code JobOperator.stop}
 * can do (it closes the step scope from the stopping thread). Before, the step's thread then waited for the parser
 * forever and the process ignored SIGTERM (StopSignalIT, once in ~10 runs); now the read ends with an exception,
 * so the chunk rolls back and a restart resumes from the last commit.
 */
class CandleFileReaderCloseTest {

    @TempDir
    Path dir;

    @Test
    void aReadAfterACloseFromAnotherThreadEndsInsteadOfWaitingForever() throws Exception {
        Path file = CandleFiles.binance(dir.resolve("BTCUSDT-1m-2020.csv"), 1_577_836_800_000L, 60_000L, 50_000);
        CandleImportOptions options = CandleImportOptions.of(null, null, null, null, null);
        List<CandleFilePlan> plans = new CandleFileInspector(options).inspect(List.of(file));
        CandleFileReader reader = new CandleFileReader(plans, options.times());
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isNotNull();

        Thread stopper = new Thread(reader::close, "stopper");
        stopper.start();
        stopper.join();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> {
            while (reader.read() != null) {
                // the queue was cleared by close: the first read waits, then must give up
            }
        }).isInstanceOf(JobInterruptedException.class).hasMessageContaining("closed while the step was reading"));
        // and it stays ended: no second wait
        assertThat(reader.read()).isNull();
    }
}
