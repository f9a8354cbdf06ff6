package com.tradebatch.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the rows the calculators produce for one period, and how many source rows they read. */
public final class MetricSink {

    private final List<MetricRow> rows = new ArrayList<>();
    private long sourceRows;

    public void add(String type, String name, String symbol, double value, Double secondary, Map<String, Object> details) {
        rows.add(new MetricRow(type, name, symbol, value, secondary, details));
    }

    public void read(long n) {
        sourceRows += n;
    }

    public List<MetricRow> rows() {
        return rows;
    }

    public long sourceRows() {
        return sourceRows;
    }

    /** An ordered details map from key, value pairs. */
    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
