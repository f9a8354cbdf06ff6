package com.tradebatch.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.tradebatch.common.EpochOrIsoTime;
import com.tradebatch.common.EpochUnit;
import com.tradebatch.common.RejectedLineException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed access to the values of one {@link InputRecord}; every failure is a {@link RejectedLineException} naming
 * the column, so the reject file says what is wrong with the line.
 */
public final class RecordFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Result files have no time-unit parameter; a time without an offset could be any zone. */
    private static final EpochOrIsoTime TIMES = new EpochOrIsoTime(EpochUnit.AUTO, EpochOrIsoTime.Zoneless.REJECTED);

    private final InputRecord record;

    public RecordFields(InputRecord record) {
        this.record = record;
    }

    /** Rejects the record when any of the columns is absent or empty, naming them all. */
    public void requireAll(List<String> columns) {
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (raw(c) == null) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw reject("missing required column(s) " + String.join(", ", missing));
        }
    }

    /** The value as text, or null when absent, JSON null or empty. */
    public String text(String column) {
        JsonNode node = raw(column);
        if (node == null) {
            return null;
        }
        if (node.isContainer()) {
            throw reject(column + " is not a single value: " + node);
        }
        String s = node.isString() ? node.stringValue() : node.asString();
        s = s.trim();
        return s.isEmpty() ? null : s;
    }

    public String requiredText(String column) {
        String s = text(column);
        if (s == null) {
            throw reject("missing required column " + column);
        }
        return s;
    }

    /** A finite number (JSON number or numeric text), or null when absent. */
    public Double number(String column) {
        JsonNode node = raw(column);
        if (node == null) {
            return null;
        }
        double d;
        if (node.isNumber()) {
            d = node.doubleValue();
        } else {
            String s = text(column);
            if (s == null) {
                return null;
            }
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw reject(column + " is not a number: '" + s + "'");
            }
        }
        if (!Double.isFinite(d)) {
            throw reject(column + " is not a finite number: " + d);
        }
        return d;
    }

    public double requiredNumber(String column) {
        Double d = number(column);
        if (d == null) {
            throw reject("missing required column " + column);
        }
        return d;
    }

    /** A time: ISO-8601 with an offset, or an epoch number (unit by magnitude), in the accepted window; null when absent. */
    public Instant time(String column) {
        String s = text(column);
        if (s == null) {
            return null;
        }
        try {
            return TIMES.parse(s);
        } catch (IllegalArgumentException e) {
            throw reject(column + ": " + e.getMessage());
        }
    }

    public Instant requiredTime(String column) {
        Instant t = time(column);
        if (t == null) {
            throw reject("missing required column " + column);
        }
        return t;
    }

    /**
     * A JSON column: a JSON object or array as is, or a string holding JSON (as CSV and some producers write it).
     * Returns compact JSON text, or null when absent.
     */
    public String json(String column) {
        JsonNode node = raw(column);
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            String s = node.stringValue().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                node = JSON.readTree(s);
            } catch (JacksonException e) {
                throw reject(column + " is not valid JSON: " + firstLine(e.getOriginalMessage()));
            }
            if (node == null || node.isMissingNode()) {
                throw reject(column + " is not valid JSON");
            }
        }
        return JSON.writeValueAsString(node);
    }

    public RejectedLineException reject(String reason) {
        return new RejectedLineException(record.sourceFile(), record.lineNumber(), reason, record.rawLine());
    }

    private JsonNode raw(String column) {
        JsonNode node = record.values().get(column);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
