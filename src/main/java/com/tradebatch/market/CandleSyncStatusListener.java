package com.tradebatch.market;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Marks the series of a failed or stopped load as {@code error}, with the reason, in candlestick_metadata. */
public class CandleSyncStatusListener implements JobExecutionListener {

    private final CandleMetadataRepository metadata;

    public CandleSyncStatusListener(CandleMetadataRepository metadata) {
        this.metadata = metadata;
    }

    @Override
    public void afterJob(JobExecution job) {
        if (job.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        var series = CandleImportPlanTasklet.decode(job.getExecutionContext().getString(CandleImportPlanTasklet.SERIES_KEY, ""));
        if (series.isEmpty()) {
            return;
        }
        String message = job.getAllFailureExceptions().stream().map(CandleSyncStatusListener::message)
                .findFirst().orElse(job.getExitStatus().getExitDescription());
        String code = job.getStatus() == BatchStatus.STOPPED ? "STOPPED" : "IMPORT_FAILED";
        metadata.markError(series, code, "execution " + job.getId() + ": " + message);
    }

    private static String message(Throwable t) {
        while (t.getCause() != null && t.getCause() != t && t.getClass().getName().startsWith("org.springframework.")) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
