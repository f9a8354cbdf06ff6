package com.tradebatch.launch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;

/** Every job the command line can launch, by name, with its declared parameters. */
@Component
public class JobCatalog {

    private final Map<String, Job> jobs;
    private final Map<String, JobSpec> specs;

    public JobCatalog(List<Job> jobs, List<JobSpec> specs) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> a, TreeMap::new));
        this.specs = specs.stream().collect(Collectors.toMap(JobSpec::name, Function.identity(), (a, b) -> a, TreeMap::new));
        // a job without a spec could not be validated, a spec without a job could not run
        if (!this.jobs.keySet().equals(this.specs.keySet())) {
            throw new IllegalStateException("jobs " + this.jobs.keySet() + " and job specs " + this.specs.keySet()
                    + " do not match");
        }
        this.jobs.forEach((name, job) -> {
            if (job instanceof AbstractJob registered) {
                registered.setJobParametersValidator(new JobSpecValidator(this.specs.get(name)));
            }
        });
    }

    public List<JobSpec> specs() {
        return List.copyOf(specs.values());
    }

    public boolean contains(String name) {
        return specs.containsKey(name);
    }

    public JobSpec spec(String name) {
        JobSpec spec = specs.get(name);
        if (spec == null) {
            throw new UsageException("unknown job '" + name + "'. Jobs: " + String.join(", ", specs.keySet())
                    + " (see 'tradebatch jobs')");
        }
        return spec;
    }

    public Job job(String name) {
        spec(name);
        return jobs.get(name);
    }
}
