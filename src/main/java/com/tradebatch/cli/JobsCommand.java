package com.tradebatch.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

import com.tradebatch.common.JobSpec;
import com.tradebatch.launch.ExitCode;

/**
 * {@code jobs}: every job with its parameters and defaults. Runs without an application context (README.md,
 * "Start time"): it calls the very {@code @Bean} methods that declare the {@link JobSpec}s in the application
 * context (found by reading bytecode, as the component scan does), with their {@code @ConfigurationProperties}
 * arguments bound from the same configuration Boot reads ({@code application.yml}, variables). No job, step,
 * DataSource or database is touched; {@code JobsCatalogTest} checks the output equals the full context's catalogue.
 */
final class JobsCommand {

    static final String NAME = "jobs";

    private JobsCommand() {
    }

    /** Lists the jobs of the tradebatch packages and of {@code extraSources} (tests add jobs this way). */
    static int run(PrintStream out, Map<String, Object> properties, Class<?>... extraSources) {
        return print(specs(environment(properties), extraSources), out);
    }

    static int print(List<JobSpec> specs, PrintStream out) {
        for (JobSpec spec : specs.stream().sorted(Comparator.comparing(JobSpec::name)).toList()) {
            out.println(spec.name() + " - " + spec.description());
            out.println(spec.describeParameters());
            out.println();
        }
        out.println("run one with: tradebatch run <job> [key=value ...]");
        return ExitCode.OK;
    }

    /** The configuration as the application context sees it: the overrides, variables, application.yml. */
    static ConfigurableEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("tradebatch-overrides", properties));
        }
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }

    static List<JobSpec> specs(ConfigurableEnvironment environment, Class<?>... extraSources) {
        Set<Class<?>> declaring = new LinkedHashSet<>();
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false, environment);
        scan.addIncludeFilter(new DeclaresJobSpec());
        ClassLoader loader = JobsCommand.class.getClassLoader();
        for (BeanDefinition candidate : scan.findCandidateComponents("com.tradebatch")) {
            declaring.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), loader));
        }
        declaring.addAll(List.of(extraSources));
        Binder binder = Binder.get(environment);
        List<JobSpec> specs = new ArrayList<>();
        for (Class<?> type : declaring) {
            Object configuration = null;
            for (Method method : type.getDeclaredMethods()) {
                if (method.getReturnType() != JobSpec.class || !method.isAnnotationPresent(Bean.class)) {
                    continue;
                }
                if (configuration == null && !Modifier.isStatic(method.getModifiers())) {
                    configuration = BeanUtils.instantiateClass(type);
                }
                specs.add(invoke(method, configuration, binder));
            }
        }
        return specs;
    }

    /** A spec method's arguments can only be configuration properties: a spec describes, it does not use beans. */
    private static JobSpec invoke(Method method, Object configuration, Binder binder) {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            ConfigurationProperties props = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
            if (props == null) {
                throw new IllegalStateException(method + ": a JobSpec bean method may only take @ConfigurationProperties"
                        + " arguments ('jobs' builds it without the application context), not " + type.getName());
            }
            args[i] = binder.bindOrCreate(props.prefix(), type);
        }
        try {
            method.setAccessible(true);
            return (JobSpec) method.invoke(configuration, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Matches a class with a {@code @Bean} method that returns a {@link JobSpec}, read from its bytecode. */
    static final class DeclaresJobSpec implements TypeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().getAnnotatedMethods(Bean.class.getName()).stream()
                    .anyMatch(m -> m.getReturnTypeName().equals(JobSpec.class.getName()));
        }
    }
}
