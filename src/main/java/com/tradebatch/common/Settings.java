package com.tradebatch.common;

/** Checks of the values the properties classes bind: a missing default in application.yml fails at start, by name. */
public final class Settings {

    private Settings() {
    }

    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive number (set in application.yml), not " + value);
        }
        return value;
    }
}
