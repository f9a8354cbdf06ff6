package com.tradebatch.launch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import com.tradebatch.common.JobReport;
import com.tradebatch.store.UrlRedaction;

/** The few lines printed when a job ends: status, counts, duration, rate, then the job's own report. */
public record JobSummary(String job, long executionId, BatchStatus status, long read, long written, long skipped,
        Duration duration, String failure, String report) {

    public static JobSummary of(JobExecution execution) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            skipped += step.getSkipCount();
        }
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        String failure = execution.getAllFailureExceptions().stream()
                .map(JobSummary::message).distinct().reduce((a, b) -> a + "\n" + b).orElse("");
        return new JobSummary(execution.getJobInstance().getJobName(), execution.getId(), execution.getStatus(), read,
                written, skipped, Duration.between(start, end), failure, JobReport.of(execution));
    }

    public int exitCode() {
        return status == BatchStatus.COMPLETED ? ExitCode.OK : ExitCode.FAILED;
    }

    public void print(PrintStream out) {
        double seconds = Math.max(duration.toMillis(), 1) / 1000.0;
        long moved = written > 0 ? written : read;
        out.printf(Locale.ROOT, "%s: execution %d %s in %.2f s%n", job, executionId, status, seconds);
        out.printf(Locale.ROOT, "  read %,d  written %,d  skipped %,d  (%,.0f rows/s)%n", read, written, skipped,
                moved / seconds);
        if (status == BatchStatus.STOPPED) {
            out.println("  stopped: run the same command to resume (or: tradebatch restart " + executionId + ")");
        }
        if (!failure.isEmpty()) {
            out.println("  failure: " + UrlRedaction.redact(failure).replace("\n", "\n           "));
            if (status == BatchStatus.FAILED) {
                out.println("  restart with: tradebatch restart " + executionId);
            }
        }
        if (!report.isEmpty()) {
            out.println();
            out.println(report);
        }
    }

    private static String message(Throwable t) {
        // Batch and Spring wrap the real problem: show the first message that is not a wrapper's
        while (t.getCause() != null && t.getCause() != t && t.getClass().getName().startsWith("org.springframework.")) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
