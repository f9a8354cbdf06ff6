package com.tradebatch.launch;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Stamps every job execution with its {@link ExecutionOwner}; registered on every job of the context. */
@Component
class ExecutionOwnerListener implements JobExecutionListener, BeanPostProcessor {

    private final ObjectProvider<JobRepository> jobRepository;

    ExecutionOwnerListener(ObjectProvider<JobRepository> jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(ExecutionOwner.KEY, ExecutionOwner.current().toString());
        jobRepository.getObject().updateExecutionContext(jobExecution);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }
}
