package com.tradebatch.migration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One legacy row on its way: its key (as PostgreSQL prints it, for restart and messages) and its values by name,
 * converted (instants as {@link java.time.Instant}, numbers as Double/Long, text and JSON as String).
 */
public final class MigrationRow {

    private final List<String> names;
    private final Map<String, Integer> index;
    private final Object[] values;
    private final String[] key;
    private Object[] mapped;
    private long valueHash;
    private long sourceHash;
    private List<DecimalAudit.Inexact> inexact;

    MigrationRow(List<String> names, Map<String, Integer> index, Object[] values, String[] key) {
        this.names = names;
        this.index = index;
        this.values = values;
        this.key = key;
    }

    public Object get(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        return values[i];
    }

    public void set(String name, Object value) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        values[i] = value;
    }

    /** The target values, once {@link TableMigration#map} has run (on the read-ahead thread). */
    Object[] mapped() {
        return mapped;
    }

    void mapped(Object[] targetValues) {
        this.mapped = targetValues;
    }

    /** The hash of the compared mapped values, set by the verification's read-ahead thread. */
    void valueHash(long hash) {
        this.valueHash = hash;
    }

    long valueHash() {
        return valueHash;
    }

    /** PostgreSQL's hash of the values read (see {@link TableMigration#sourceChecksumSql()}). */
    void sourceHash(long hash) {
        this.sourceHash = hash;
    }

    long sourceHash() {
        return sourceHash;
    }

    /** The numeric values of this row a REAL could not hold exactly; null when none. */
    void inexact(List<DecimalAudit.Inexact> values) {
        this.inexact = values;
    }

    List<DecimalAudit.Inexact> inexact() {
        return inexact;
    }

    public String[] key() {
        return key;
    }

    Object[] values() {
        return values;
    }

    @Override
    public String toString() {
        return Arrays.toString(key);
    }
}
