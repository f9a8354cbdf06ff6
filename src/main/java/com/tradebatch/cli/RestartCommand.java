package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import com.tradebatch.launch.JobRunner;
import com.tradebatch.launch.JobStopper;
import com.tradebatch.launch.JobSummary;

/** {@code restart <execution-id>}: continue a failed, stopped or crashed execution from where it stopped. */
@Component
class RestartCommand implements Command {

    private final JobRunner runner;
    private final JobStopper stopper;

    RestartCommand(JobRunner runner, JobStopper stopper) {
        this.runner = runner;
        this.stopper = stopper;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        long id = Cli.executionId(args);
        JobExecution execution;
        try (StopOnSignal signals = StopOnSignal.install(stopper)) {
            execution = runner.restart(id);
        }
        out.println("restarted execution " + id + " as execution " + execution.getId());
        JobSummary summary = JobSummary.of(execution);
        summary.print(out);
        return summary.exitCode();
    }
}
