package com.tradebatch.launch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;

/**
 * Every job the command line can launch, by name, with its declared parameters. A job is built when it is first
 * asked for ({@link LazyJobs}): a command builds the job it runs, not the others with their step-scoped proxies.
 */
@Component
public class JobCatalog {

    private final ConfigurableListableBeanFactory beans;
    private final Map<String, JobSpec> specs;
    /** Configuration bean that declares each spec: its jobs are looked at first. */
    private final Map<String, String> declaredBy;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public JobCatalog(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
        Map<String, JobSpec> byBean = beans.getBeansOfType(JobSpec.class, false, false);
        this.specs = byBean.values().stream()
                .collect(Collectors.toMap(JobSpec::name, Function.identity(), (a, b) -> a, TreeMap::new));
        this.declaredBy = byBean.entrySet().stream().collect(Collectors.toMap(e -> e.getValue().name(),
                e -> Objects.toString(beans.getMergedBeanDefinition(e.getKey()).getFactoryBeanName(), ""), (a, b) -> a));
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
        return jobs.computeIfAbsent(name, this::build);
    }

    /** Every job, built (the check that each spec has its job and each job its spec, and tests). */
    public Map<String, Job> all() {
        Map<String, Job> all = new TreeMap<>();
        for (Job job : beans.getBeansOfType(Job.class).values()) {
            all.putIfAbsent(job.getName(), job);
        }
        return all;
    }

    /** The Job beans of the spec's own configuration first, so that finding one builds no other as a rule. */
    private Job build(String name) {
        String home = declaredBy.get(name);
        Stream<String> candidates = Stream.of(beans.getBeanNamesForType(Job.class, true, false)).sorted(Comparator
                .comparing(bean -> !Objects.equals(beans.getMergedBeanDefinition(bean).getFactoryBeanName(), home)));
        for (String bean : (Iterable<String>) candidates::iterator) {
            Job job = beans.getBean(bean, Job.class);
            if (job.getName().equals(name)) {
                return job; // its spec is already its validator (LazyJobs)
            }
        }
        // a spec without a job could not run
        throw new IllegalStateException("job spec " + name + " has no job (jobs: " + all().keySet() + ")");
    }
}
