package com.tradebatch.common;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes every skipped line to the step's {@link RejectFile} and, when there were any, says where they are in
 * the job report. One per step execution (step-scoped).
 */
public class RejectListener implements SkipListener<Object, Object>, StepExecutionListener {

    private final WorkPaths paths;
    private RejectFile rejectFile;

    public RejectListener(WorkPaths paths) {
        this.paths = paths;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        rejectFile = new RejectFile(paths.rejectsDir(), stepExecution.getJobExecution().getJobInstance().getJobName(),
                stepExecution.getJobExecution().getId());
    }

    @Override
    public void onSkipInRead(Throwable t) {
        record(t);
    }

    @Override
    public void onSkipInProcess(Object item, Throwable t) {
        record(t);
    }

    @Override
    public void onSkipInWrite(Object item, Throwable t) {
        record(t);
    }

    private void record(Throwable t) {
        if (t instanceof RejectedLineException rejected) {
            rejectFile.write(rejected);
        } else {
            rejectFile.write(new RejectedLineException("?", 0, String.valueOf(t.getMessage()), ""));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        rejectFile.close();
        if (rejectFile.count() > 0) {
            JobReport.append(stepExecution.getJobExecution(),
                    rejectFile.count() + " rejected rows written to " + rejectFile.path());
        }
        return null;
    }
}
