package com.tradebatch.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;

/**
 * Turns {@code key=value} words into a job's parameters: every key must be declared, every value valid,
 * every required one present; defaults fill the rest so that the same run is recognised however it was typed.
 * The values are kept as canonical text (what {@code schedules}, the HTTP API and the resume lookup compare) and
 * become typed Spring Batch parameters ({@link #toJobParameters}) only at launch.
 */
public final class LaunchParameters {

    private LaunchParameters() {
    }

    public static Map<String, String> parse(JobSpec spec, List<String> words) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw usage(spec, "'" + word + "' is not key=value");
            }
            String key = word.substring(0, eq).trim();
            if (spec.parameter(key).isEmpty()) {
                throw usage(spec, "unknown parameter '" + key + "'", key);
            }
            if (given.put(key, word.substring(eq + 1)) != null) {
                throw usage(spec, "parameter " + key + " given twice", key);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec p : spec.parameters()) {
            String raw = given.get(p.name());
            if (raw == null || raw.isBlank()) {
                if (p.required()) {
                    throw usage(spec, "missing required parameter " + p.name() + " (" + p.description() + ")", p.name());
                }
                raw = p.defaultValue();
            }
            if (raw != null) {
                try {
                    values.put(p.name(), p.validate(raw));
                } catch (IllegalArgumentException e) {
                    throw usage(spec, e.getMessage(), p.name());
                }
            }
        }
        try {
            spec.crossCheck().accept(values);
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
        return values;
    }

    /**
     * The job parameters of a launch: each value checked again (a caller may hand over values that never went
     * through {@link #parse}: refused with parse's message) and given its declared Java type (Long, Double, Boolean,
     * LocalDate, Path; text for choices and lists).
     */
    public static JobParameters toJobParameters(JobSpec spec, Map<String, String> values) {
        List<String> words = new ArrayList<>();
        values.forEach((key, value) -> words.add(key + "=" + value));
        JobParametersBuilder builder = new JobParametersBuilder();
        parse(spec, words).forEach((key, value) -> {
            ParameterSpec p = spec.parameter(key).orElseThrow();
            builder.addJobParameter(parameter(key, p.typed(value), p.javaType()));
        });
        return builder.toJobParameters();
    }

    private static <T> JobParameter<T> parameter(String name, Object value, Class<T> type) {
        return new JobParameter<>(name, type.cast(value), type, true);
    }

    static UsageException usage(JobSpec spec, String problem) {
        return usage(spec, problem, null);
    }

    private static UsageException usage(JobSpec spec, String problem, String parameter) {
        return new UsageException(spec.name() + ": " + problem + "\nParameters of " + spec.name() + ":\n"
                + spec.describeParameters(), parameter);
    }
}
