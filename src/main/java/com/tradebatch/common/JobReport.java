package com.tradebatch.common;

import org.springframework.batch.core.job.JobExecution;

/**
 * The human-readable result a job leaves for the command line (printed after the summary) and for
 * {@code executions}: kept in the job's execution context, so it is in the job repository with the run.
 */
public final class JobReport {

    public static final String KEY = "tradebatch.report";

    private JobReport() {
    }

    public static void append(JobExecution execution, String text) {
        String existing = execution.getExecutionContext().getString(KEY, "");
        execution.getExecutionContext().putString(KEY, existing.isEmpty() ? text : existing + "\n" + text);
    }

    public static String of(JobExecution execution) {
        return execution.getExecutionContext().getString(KEY, "");
    }
}
