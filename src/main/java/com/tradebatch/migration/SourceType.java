package com.tradebatch.migration;

import java.util.Locale;

/** The PostgreSQL types pg-migrate converts, each to one SQLite storage form (see the README's mapping rules). */
public enum SourceType {
    /** timestamptz: the instant, as UTC DateTime text. */
    TIMESTAMPTZ,
    /** timestamp without time zone: read as UTC. */
    TIMESTAMP,
    /** date: midnight UTC. */
    DATE,
    /** numeric/decimal: REAL, exactness checked. */
    NUMERIC,
    /** double precision, real: REAL. */
    FLOAT,
    /** smallint, integer, bigint: INTEGER. */
    INTEGER,
    /** boolean: 0/1. */
    BOOLEAN,
    /** json, jsonb: JSON text. */
    JSON,
    /** arrays: JSON text (the statement reads them through {@code array_to_json}). */
    ARRAY,
    /** text, varchar, char, uuid, enum labels and anything else: text as PostgreSQL prints it. */
    TEXT;

    /**
     * @param typtype  pg_type.typtype ('e' enum, 'b' base, ...)
     * @param category pg_type.typcategory ('A' array, ...)
     */
    public static SourceType of(String typeName, String typtype, String category) {
        if ("A".equals(category)) {
            return ARRAY;
        }
        if ("e".equals(typtype)) {
            return TEXT;
        }
        String t = typeName.toLowerCase(Locale.ROOT);
        if (t.startsWith("timestamp") && t.contains("with time zone")) {
            return TIMESTAMPTZ;
        }
        if (t.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        if (t.equals("date")) {
            return DATE;
        }
        if (t.startsWith("numeric") || t.startsWith("decimal")) {
            return NUMERIC;
        }
        if (t.equals("double precision") || t.equals("real")) {
            return FLOAT;
        }
        if (t.equals("smallint") || t.equals("integer") || t.equals("bigint")) {
            return INTEGER;
        }
        if (t.equals("boolean")) {
            return BOOLEAN;
        }
        if (t.equals("json") || t.equals("jsonb")) {
            return JSON;
        }
        return TEXT;
    }
}
