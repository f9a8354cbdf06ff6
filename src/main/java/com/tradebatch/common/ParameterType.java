package com.tradebatch.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The kinds of value a job parameter takes: each checks a raw {@code key=value} string before launch and gives
 * the Java type the job receives ({@code @Value("#{jobParameters['keep']}") Long keep}) and Spring Batch stores.
 */
public enum ParameterType {
    STRING("text", String.class),
    INTEGER("whole number", Long.class),
    DECIMAL("number", Double.class),
    BOOLEAN("true|false", Boolean.class),
    DATE("yyyy-MM-dd", LocalDate.class),
    PATH("file or folder", Path.class),
    /** Comma-separated names, each one of the parameter's choices: stays text (a Spring Batch parameter is one value). */
    LIST("comma list", String.class);

    private final String display;
    private final Class<?> javaType;

    ParameterType(String display, Class<?> javaType) {
        this.display = display;
        this.javaType = javaType;
    }

    public String display() {
        return display;
    }

    /** The type of the job parameter, as the job's beans receive it. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The typed value of a canonical string ({@link #check}'s result); its {@code toString} gives that string back. */
    Object typed(String canonical) {
        return switch (this) {
            case INTEGER -> Long.valueOf(canonical);
            case DECIMAL -> Double.valueOf(canonical);
            case BOOLEAN -> Boolean.valueOf(canonical);
            case DATE -> LocalDate.parse(canonical);
            case PATH -> Path.of(canonical);
            default -> canonical;
        };
    }

    /** Returns the value in canonical form, or throws with the reason it is not valid. */
    String check(String raw) {
        String v = raw.trim();
        switch (this) {
            case INTEGER -> {
                try {
                    return Long.toString(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a whole number");
                }
            }
            case DECIMAL -> {
                try {
                    double d = Double.parseDouble(v);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    return Double.toString(d); // the text of the Double the job receives, so a rerun matches
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a number");
                }
            }
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new IllegalArgumentException("'" + raw + "' is not true or false");
                }
                return b;
            }
            case DATE -> {
                try {
                    return LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a date (yyyy-MM-dd)");
                }
            }
            case PATH -> {
                try {
                    return Path.of(v).toString(); // as the Path prints: "in//x.csv/" is in/x.csv
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a valid path: " + e.getReason());
                }
            }
            default -> {
                return v;
            }
        }
    }
}
