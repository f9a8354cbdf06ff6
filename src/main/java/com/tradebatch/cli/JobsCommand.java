package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;
import com.tradebatch.launch.JobCatalog;
import com.tradebatch.launch.ExitCode;

/** {@code jobs}: every job with its parameters and defaults. */
@Component
class JobsCommand implements Command {

    private final JobCatalog catalog;

    JobsCommand(JobCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        for (JobSpec spec : catalog.specs()) {
            out.println(spec.name() + " - " + spec.description());
            out.println(spec.describeParameters());
            out.println();
        }
        out.println("run one with: tradebatch run <job> [key=value ...]");
        return ExitCode.OK;
    }
}
