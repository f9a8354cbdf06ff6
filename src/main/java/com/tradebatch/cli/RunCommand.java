package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import com.tradebatch.launch.JobRunner;
import com.tradebatch.launch.JobStopper;
import com.tradebatch.launch.JobSummary;
import com.tradebatch.launch.UsageException;

/** {@code run <job> [key=value ...]}: launch (or resume) a job and print its summary. */
@Component
class RunCommand implements Command {

    private final JobRunner runner;
    private final JobStopper stopper;

    RunCommand(JobRunner runner, JobStopper stopper) {
        this.runner = runner;
        this.stopper = stopper;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new UsageException("run needs a job name: tradebatch run <job> [key=value ...] (see 'tradebatch jobs')");
        }
        Map<String, String> parameters = runner.parameters(args.get(0), args.subList(1, args.size()));
        JobExecution execution;
        try (StopOnSignal signals = StopOnSignal.install(stopper)) {
            execution = runner.run(args.get(0), parameters);
        }
        JobSummary summary = JobSummary.of(execution);
        summary.print(out);
        return summary.exitCode();
    }
}
