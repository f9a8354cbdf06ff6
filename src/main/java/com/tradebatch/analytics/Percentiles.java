package com.tradebatch.analytics;

/**
 * Percentiles by linear interpolation between closest ranks, numpy's default ({@code method='linear'}): for
 * sorted x[0..n-1], h = (n-1) p / 100, result = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * p50 of 1, 2, 3, 4 is 2.5; p95 of 1..100 is 95.05.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** @param sorted ascending values; only the first {@code n} are used */
    public static double linear(double[] sorted, int n, double p) {
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double h = (n - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
