package com.tradebatch.common;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;

/**
 * What the command line knows of a job: its name (the {@code Job} bean's name), a one-line description, and
 * its parameters. Each job configuration declares one as a bean beside its {@code Job}.
 */
public record JobSpec(String name, String description, List<ParameterSpec> parameters,
        Consumer<Map<String, String>> crossCheck) {

    public JobSpec {
        parameters = List.copyOf(parameters);
    }

    public JobSpec(String name, String description, List<ParameterSpec> parameters) {
        this(name, description, parameters, values -> { });
    }

    /**
     * Adds a check over several parameters (each one alone already valid), run before launch: it throws
     * IllegalArgumentException with a message that names the parameters.
     */
    public JobSpec withCrossCheck(Consumer<Map<String, String>> check) {
        return new JobSpec(name, description, parameters, check);
    }

    public Optional<ParameterSpec> parameter(String key) {
        return parameters.stream().filter(p -> p.name().equals(key)).findFirst();
    }

    /** The parameter block shown by {@code jobs} and after a usage error. */
    public String describeParameters() {
        if (parameters.isEmpty()) {
            return "  (no parameters)";
        }
        StringBuilder sb = new StringBuilder();
        for (ParameterSpec p : parameters) {
            sb.append("  ").append(p.describe()).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
