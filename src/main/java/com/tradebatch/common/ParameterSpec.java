package com.tradebatch.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One job parameter, declared once: it drives the {@code jobs} listing, validation before launch and the
 * README table.
 *
 * @param defaultValue null when the parameter has none
 * @param choices      allowed values (for {@link ParameterType#LIST}: allowed items); empty when free
 */
public record ParameterSpec(String name, ParameterType type, String defaultValue, boolean required,
        String description, List<String> choices) {

    public ParameterSpec {
        choices = List.copyOf(choices);
    }

    public static ParameterSpec required(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, null, true, description, List.of());
    }

    public static ParameterSpec optional(String name, ParameterType type, String defaultValue, String description) {
        return new ParameterSpec(name, type, defaultValue, false, description, List.of());
    }

    public ParameterSpec withChoices(String... allowed) {
        return new ParameterSpec(name, type, defaultValue, required, description, Arrays.asList(allowed));
    }

    /** Checks a raw value and returns it in canonical form; the exception message names the parameter. */
    public String validate(String raw) {
        try {
            String value = type.check(raw);
            if (choices.isEmpty()) {
                return value;
            }
            if (type == ParameterType.LIST) {
                return checkList(value);
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (!choices.contains(lower)) {
                throw new IllegalArgumentException("'" + raw + "' is not one of " + String.join("|", choices));
            }
            return lower;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + name + ": " + e.getMessage(), e);
        }
    }

    /** The Java type of this parameter's value: its type's, or text for choices (lower-case names) and lists. */
    public Class<?> javaType() {
        return choices.isEmpty() ? type.javaType() : String.class;
    }

    /** The value the job receives for a canonical string ({@link #validate}'s result). */
    public Object typed(String canonical) {
        return choices.isEmpty() ? type.typed(canonical) : canonical;
    }

    private String checkList(String value) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            String it = item.trim().toLowerCase(Locale.ROOT);
            if (it.isEmpty()) {
                continue;
            }
            if (!choices.contains(it)) {
                throw new IllegalArgumentException("'" + item.trim() + "' is not one of " + String.join(", ", choices));
            }
            items.add(it);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no value given (one or more of " + String.join(", ", choices) + ")");
        }
        return String.join(",", new ArrayList<>(items));
    }

    /** One line for {@code jobs} and usage errors. */
    public String describe() {
        String kind = choices.isEmpty() ? type.display()
                : type == ParameterType.LIST ? "comma list of " + String.join(",", choices) : String.join("|", choices);
        String presence = required ? "required" : defaultValue == null ? "optional" : "default " + defaultValue;
        return String.format("%-16s %-40s %-22s %s", name, kind, presence, description);
    }
}
