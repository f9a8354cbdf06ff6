package com.tradebatch.migration;

import java.util.List;
import java.util.Set;

import com.tradebatch.store.Store;

/**
 * Where one legacy table goes. A <em>direct</em> mapping copies the target's columns that the source has, by name;
 * a <em>mapped</em> one reads {@link #items} (SQL expressions over the source row) and derives the rest in
 * {@link #transform}.
 *
 * @param conflictKey   target columns of the upsert ({@code ON CONFLICT}): how a re-run finds the row it wrote
 * @param notCopied     direct: target columns left to the target (an id the target numbers itself)
 * @param items         mapped: what the source statement selects, in order
 * @param targetColumns mapped: the target columns written, taken from items or set by the transform
 * @param insertOnly    columns written on insert but left alone when a re-run updates the row
 * @param unchecked     columns the verification does not compare (set at migration time, not from the source)
 * @param rule          the mapping in a few words (dry-run plan, report, README)
 */
public record TableMapping(String source, Store store, String target, List<String> conflictKey, Set<String> notCopied,
        List<SelectItem> items, List<String> targetColumns, RowTransform transform, Set<String> insertOnly,
        Set<String> unchecked, String rule) {

    public TableMapping {
        conflictKey = List.copyOf(conflictKey);
        notCopied = Set.copyOf(notCopied);
        items = List.copyOf(items);
        targetColumns = List.copyOf(targetColumns);
        insertOnly = Set.copyOf(insertOnly);
        unchecked = Set.copyOf(unchecked);
    }

    public static TableMapping direct(String table, Store store, List<String> conflictKey, Set<String> notCopied) {
        String keyText = String.join(", ", conflictKey);
        return new TableMapping(table, store, table, conflictKey, notCopied, List.of(), List.of(), RowTransform.NONE,
                Set.of(), Set.of(), "same columns by name; upsert on (" + keyText + ")"
                        + (notCopied.isEmpty() ? "" : "; " + String.join(", ", notCopied) + " numbered by the target"));
    }

    public boolean isDirect() {
        return items.isEmpty();
    }

    /**
     * One value a mapped statement reads.
     *
     * @param sql    expression over the source table
     * @param from   the source column it comes from (its type decides the conversion), or null for an expression
     * @param kind   conversion of an expression (ignored when {@code from} is set)
     */
    public record SelectItem(String name, String sql, String from, SourceType kind) {

        public static SelectItem column(String name, String sourceColumn) {
            return new SelectItem(name, SqlNames.quote(sourceColumn), sourceColumn, null);
        }

        public static SelectItem expression(String name, String sql, SourceType kind) {
            return new SelectItem(name, sql, null, kind);
        }
    }
}
