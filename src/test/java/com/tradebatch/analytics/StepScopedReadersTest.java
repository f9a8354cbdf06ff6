package com.tradebatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.sqlite.SQLiteDataSource;

import com.tradebatch.common.CommittedPositionReader;
import com.tradebatch.common.RejectListener;
import com.tradebatch.common.RejectedLineException;
import com.tradebatch.common.WorkPaths;
import com.tradebatch.store.StoreProperties;
import com.tradebatch.support.Sqlite;

/**
 * The readers of the analytics jobs alone, inside a step scope made by spring-batch-test (no application context,
 * no job): what a reject names, where a restart goes on, which rows a page holds.
 */
class StepScopedReadersTest {

    @TempDir
    Path dir;

    private static StepExecution step(JobParameters parameters, ExecutionContext saved) {
        return MetaDataInstanceFactory.createStepExecution(parameters, saved);
    }

    @Test
    void aRejectedResultLineIsWrittenWithItsFileAndLineAndTheGoodLinesAroundItStillRead() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "\uFEFF{\"symbol\":\"A\"}\n");
        Path b = dir.resolve("b.csv");
        byte[] head = "symbol,note\nB,ok\nC,caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\nD,fine\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3; // the first byte of a two-byte character, alone: not UTF-8
        System.arraycopy(tail, 0, content, head.length + 1, tail.length);
        Files.write(b, content);
        StepExecution execution = step(new JobParametersBuilder().addString("file", dir.toString()).toJobParameters(),
                new ExecutionContext());
        StoreProperties stores = new StoreProperties();
        stores.setBaseDir(dir);
        RejectListener rejects = new RejectListener(new WorkPaths(stores, "rejects"));

        List<String> read = StepScopeTestUtils.doInStepScope(execution, () -> {
            ItemStreamReader<InputRecord> reader = CommittedPositionReader.of(new ResultFileReader(List.of(a, b),
                    "auto", Set.of("symbol")));
            rejects.beforeStep(execution);
            reader.open(execution.getExecutionContext());
            List<String> symbols = new ArrayList<>();
            while (true) {
                try {
                    InputRecord r = reader.read();
                    if (r == null) {
                        break;
                    }
                    symbols.add(r.values().get("symbol").asString() + "@" + Path.of(r.sourceFile()).getFileName()
                            + ":" + r.lineNumber());
                } catch (RejectedLineException rejected) {
                    rejects.onSkipInRead(rejected);
                }
            }
            reader.close();
            rejects.afterStep(execution);
            return symbols;
        });

        assertThat(read).containsExactly("A@a.jsonl:1", "B@b.csv:2", "D@b.csv:4"); // BOM dropped before A
        Path rejectFile = dir.resolve("rejects").resolve(execution.getJobExecution().getJobInstance().getJobName() + "-"
                + execution.getJobExecution().getId() + ".csv");
        List<String> rows = Files.readAllLines(rejectFile);
        assertThat(rows).hasSize(2); // header + the one line
        assertThat(rows.get(1)).contains(b.toString()).contains(",3,").contains("not UTF-8");
    }

    @Test
    void metricPeriodsAreWholePeriodsAndARestartGoesOnAfterTheLastSavedPeriod() throws Exception {
        ExecutionContext saved = new ExecutionContext();
        StepExecution first = step(new JobParameters(), saved);
        // 2025-01-08 is a Wednesday: the first week starts on the Monday before it
        List<String> firstTwo = StepScopeTestUtils.doInStepScope(first, () -> {
            ItemStreamReader<MetricPeriod> reader = CommittedPositionReader.of(
                    new MetricPeriodReader(PeriodUnit.of("week"), LocalDate.parse("2025-01-08"), LocalDate.parse("2025-02-03")));
            reader.open(saved);
            List<String> starts = List.of(reader.read().start().toString(), reader.read().start().toString());
            reader.update(saved); // no data transaction open: what was read counts as written
            reader.close();
            return starts;
        });
        assertThat(firstTwo).containsExactly("2025-01-06", "2025-01-13");

        StepExecution restart = step(new JobParameters(), saved);
        List<String> rest = StepScopeTestUtils.doInStepScope(restart, () -> {
            MetricPeriodReader periods = new MetricPeriodReader(PeriodUnit.of("week"), LocalDate.parse("2025-01-08"),
                    LocalDate.parse("2025-02-03"));
            ItemStreamReader<MetricPeriod> reader = CommittedPositionReader.of(periods);
            reader.open(saved);
            List<String> starts = new ArrayList<>();
            for (MetricPeriod p = reader.read(); p != null; p = reader.read()) {
                starts.add(p.start().toString());
            }
            assertThat(periods.position()).isEqualTo(periods.size());
            reader.close();
            return starts;
        });
        assertThat(rest).containsExactly("2025-01-20", "2025-01-27", "2025-02-03");
    }

    @Test
    void pendingPredictionsArePagedByIdSoRowsValidatedMeanwhileShiftNoPage() throws Exception {
        Path db = dir.resolve("analytics.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/analytics").load().migrate();
        for (int id = 1; id <= 7; id++) {
            Sqlite.exec(db, "INSERT INTO ml_model_results (id, model_name, model_version, symbol, interval,"
                    + " prediction_timestamp, prediction_type, predicted_value, validation_timestamp) VALUES (" + id
                    + ", 'm', '1', 'BTCUSDT', '1h', '2025-01-01 00:00:00.000000', 'price', " + (id == 2 ? "NULL" : id)
                    + ", " + (id == 3 ? "'2025-01-02 00:00:00.000000'" : "NULL") + ")");
        }
        SQLiteDataSource analytics = new SQLiteDataSource();
        analytics.setUrl("jdbc:sqlite:" + db);
        JdbcPagingItemReader<PendingPrediction> reader = PendingPredictionReader.create(analytics, 2);
        reader.open(new ExecutionContext());
        List<Long> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (PendingPrediction p = reader.read(); p != null; p = reader.read()) {
            ids.add(p.id());
            values.add(p.predictedValue());
            // the validation writes each row as it goes: it leaves the WHERE clause of the next page
            Sqlite.exec(db, "UPDATE ml_model_results SET validation_timestamp = '2025-01-03 00:00:00.000000' WHERE id = " + p.id());
        }
        ExecutionContext state = new ExecutionContext();
        reader.update(state);
        reader.close();
        assertThat(ids).containsExactly(1L, 2L, 4L, 5L, 6L, 7L); // 3 was validated before; none skipped by the paging
        assertThat(values).containsExactly(1.0, null, 4.0, 5.0, 6.0, 7.0);
        assertThat(state.isEmpty()).as("a rerun reads what is still pending, from no saved position").isTrue();
    }
}
