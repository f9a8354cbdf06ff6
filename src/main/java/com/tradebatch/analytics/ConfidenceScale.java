package com.tradebatch.analytics;

/** {@code confidence-scale=1|100}: legacy producers wrote 0-100; the tables hold 0-1. */
public record ConfidenceScale(double max) {

    public static ConfidenceScale of(String parameter) {
        return new ConfidenceScale(Double.parseDouble(parameter));
    }

    /** The value on the 0-1 scale, or the reason it is out of range. */
    public double toUnit(String column, double value, RecordFields fields) {
        if (value < 0 || value > max) {
            throw fields.reject(column + " " + value + " is outside 0-" + (max == 1 ? "1" : "100")
                    + " (confidence-scale=" + (max == 1 ? "1" : "100") + ")");
        }
        return value / max;
    }
}
