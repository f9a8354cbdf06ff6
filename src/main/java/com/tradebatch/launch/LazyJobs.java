package com.tradebatch.launch;

import java.util.Collection;

import org.springframework.aop.scope.ScopedProxyFactoryBean;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Jobs, steps and the proxies of step-scoped beans are built when a job is first asked for, not at start
 * (README.md, "Start time"): {@code run db-stats} built all twelve jobs and generated a CGLIB class for each of their
 * step-scoped beans, to run one. {@link JobCatalog} builds a job on demand; Batch's job operator looks jobs up
 * through it too (Batch's default registry would build every Job bean to fill itself).
 */
@Configuration(proxyBeanMethods = false)
public class LazyJobs {

    /** Builds every job at start all the same: the launcher's training run, whose class-data archive serves all jobs. */
    static final String BUILD_ALL = "tradebatch.start.build-all-jobs";

    @Bean
    static BeanFactoryPostProcessor lazyJobsAndSteps(Environment environment) {
        boolean buildAll = environment.getProperty(BUILD_ALL, Boolean.class, false);
        return beans -> {
            for (String name : beans.getBeanDefinitionNames()) {
                BeanDefinition definition = beans.getBeanDefinition(name);
                if (buildAll) {
                    break;
                }
                if (ScopedProxyFactoryBean.class.getName().equals(definition.getBeanClassName())) {
                    definition.setLazyInit(true);
                    // the proxied type, declared: otherwise the first lookup by type anywhere (an ObjectProvider,
                    // a List<...> argument) builds every proxy's FactoryBean, and so its CGLIB class, to learn it
                    Object target = definition.getPropertyValues().get("targetBeanName");
                    Class<?> type = target instanceof String t ? beans.getType(t, false) : null;
                    if (type != null) {
                        definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
                    }
                } else if (isJobOrStep(beans, name)) {
                    definition.setLazyInit(true);
                }
            }
        };
    }

    private static boolean isJobOrStep(ConfigurableListableBeanFactory beans, String name) {
        // the declared type (a @Bean method's return type): nothing is built or initialised to learn it
        Class<?> type = beans.getType(name, false);
        return type != null && (Job.class.isAssignableFrom(type) || Step.class.isAssignableFrom(type));
    }

    /** Each job validates its parameters against its spec, however it is obtained (catalogue, registry, context). */
    @Bean
    static BeanPostProcessor jobSpecValidators(ObjectProvider<JobCatalog> catalogs) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractJob job && catalogs.getObject().contains(job.getName())) {
                    job.setJobParametersValidator(new JobSpecValidator(catalogs.getObject().spec(job.getName())));
                }
                return bean;
            }
        };
    }

    @Bean
    JobRegistry jobRegistry(ObjectProvider<JobCatalog> catalogs) {
        return new JobRegistry() {

            @Override
            public Job getJob(String name) {
                JobCatalog catalog = catalogs.getObject();
                return catalog.contains(name) ? catalog.job(name) : null;
            }

            @Override
            public Collection<String> getJobNames() {
                return catalogs.getObject().specs().stream().map(s -> s.name()).toList();
            }

            @Override
            public void register(Job job) {
                throw new UnsupportedOperationException("jobs are the application context's Job beans");
            }

            @Override
            public void unregister(String name) {
                throw new UnsupportedOperationException("jobs are the application context's Job beans");
            }
        };
    }
}
