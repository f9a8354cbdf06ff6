package com.tradebatch.launch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this process, as the objects their threads work on. Stopping one through
 * {@code JobOperator.stop} must flag those very objects: a copy read back from the job repository would not
 * reach the running step. Registered on every job of the context.
 */
@Component
public class LiveExecutions implements JobExecutionListener, BeanPostProcessor {

    /** Told of the execution a launch on this thread created, as soon as it starts (see {@link AsyncLauncher}). */
    private static final ThreadLocal<Consumer<JobExecution>> ON_START = new ThreadLocal<>();

    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

    static void onStartOfThisThread(Consumer<JobExecution> callback) {
        if (callback == null) {
            ON_START.remove();
        } else {
            ON_START.set(callback);
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.put(jobExecution.getId(), jobExecution);
        Consumer<JobExecution> callback = ON_START.get();
        if (callback != null) {
            callback.accept(jobExecution);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution.getId());
    }

    public Optional<JobExecution> running(long executionId) {
        return Optional.ofNullable(running.get(executionId));
    }

    public List<JobExecution> running() {
        return List.copyOf(running.values());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }
}
