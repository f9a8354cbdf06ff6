package com.tradebatch.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The kinds of value a job parameter takes; each checks a raw {@code key=value} string before launch. */
public enum ParameterType {
    STRING("text"),
    INTEGER("whole number"),
    DECIMAL("number"),
    BOOLEAN("true|false"),
    DATE("yyyy-MM-dd"),
    PATH("file or folder"),
    /** Comma-separated names, each one of the parameter's choices. */
    LIST("comma list");

    private final String display;

    ParameterType(String display) {
        this.display = display;
    }

    public String display() {
        return display;
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
                    return v;
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
                    Path.of(v);
                    return v;
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
