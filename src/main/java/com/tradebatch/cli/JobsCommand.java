package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;
import com.tradebatch.launch.ExitCode;

/**
 * {@code jobs}: every job with its parameters and defaults. Reads the job specs alone (not the jobs): {@link Cli}
 * runs it in a context without databases, where the jobs could not be built.
 */
@Component
class JobsCommand implements Command {

    static final String NAME = "jobs";

    private final ObjectProvider<JobSpec> specs;

    JobsCommand(ListableBeanFactory beans) {
        // allowEagerInit false: finding the specs must not build the FactoryBeans behind step-scoped proxies
        // (a CGLIB class generated for each) just to learn that they make no JobSpec
        this.specs = beans.getBeanProvider(JobSpec.class, false);
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        for (JobSpec spec : specs.stream().sorted(Comparator.comparing(JobSpec::name)).toList()) {
            out.println(spec.name() + " - " + spec.description());
            out.println(spec.describeParameters());
            out.println();
        }
        out.println("run one with: tradebatch run <job> [key=value ...]");
        return ExitCode.OK;
    }
}
