package com.tradebatch.analytics;

import java.util.Arrays;

/** A growable array of doubles, for percentiles over many rows without boxing. */
public final class Samples {

    private double[] values = new double[16];
    private int size;
    private boolean sorted = true;

    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
        sorted = false;
    }

    public int size() {
        return size;
    }

    public double sum() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += values[i];
        }
        return s;
    }

    public double mean() {
        return sum() / size;
    }

    /** Sorted view (sorts once). */
    public double[] sorted() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        return Arrays.copyOf(values, size);
    }

    /** Percentile {@code p} (0-100) by {@link Percentiles#linear}. */
    public double percentile(double p) {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        return Percentiles.linear(values, size, p);
    }
}
