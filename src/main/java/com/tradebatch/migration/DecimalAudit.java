package com.tradebatch.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Numeric values a REAL cannot hold: a value counts when the double nearest to it neither reads back as the same
 * decimal (the shortest text that round-trips, as Python prints it) nor rounds back to it at the column's declared
 * scale. Counted per column with the largest error; in strict mode the first one fails the job, naming table, key,
 * column and value.
 */
public final class DecimalAudit {

    /** How many values of one column did not fit, and by how much at most. */
    public record ColumnLoss(long count, BigDecimal largestError, String example) {
    }

    private final String table;
    private final boolean strict;
    /** One value of a row that a REAL could not hold: its column and loss (count 1). */
    public record Inexact(String column, ColumnLoss loss) {
    }

    private final Map<String, ColumnLoss> losses = new TreeMap<>();
    /** The inexact values of the row being read, handed to it by {@link #drainRow()}. */
    private List<Inexact> row;

    public DecimalAudit(String table, boolean strict) {
        this.table = table;
        this.strict = strict;
    }

    /** The REAL for a numeric value, checked. */
    public Double toReal(BigDecimal value, int declaredScale, String column, String[] key, String[] keyNames) {
        double d = value.doubleValue();
        if (value.precision() <= 15) {
            return d; // up to 15 significant digits every decimal survives the round trip through a double
        }
        if (Double.isFinite(d) && (BigDecimal.valueOf(d).compareTo(value) == 0
                || declaredScale >= 0 && new BigDecimal(d).setScale(declaredScale, RoundingMode.HALF_EVEN).compareTo(value) == 0)) {
            return d;
        }
        String where = describeKey(key, keyNames);
        if (strict) {
            throw new InexactDecimalException(table + " " + where + ": column " + column + " value " + value.toPlainString()
                    + " cannot be held by a REAL (it would become " + (Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : d)
                    + "); strict-decimals=true stops here");
        }
        BigDecimal error = Double.isFinite(d) ? new BigDecimal(d).subtract(value).abs() : value.abs();
        ColumnLoss loss = new ColumnLoss(1, error, where + " " + value.toPlainString());
        merge(losses, column, loss);
        if (row == null) {
            row = new ArrayList<>(2);
        }
        row.add(new Inexact(column, loss));
        return d;
    }

    /** The inexact values since the last call (those of the row just read), or null when there were none. */
    List<Inexact> drainRow() {
        List<Inexact> r = row;
        row = null;
        return r;
    }

    static void merge(Map<String, ColumnLoss> losses, String column, ColumnLoss loss) {
        losses.merge(column, loss, (a, b) -> new ColumnLoss(a.count() + b.count(), a.largestError().max(b.largestError()),
                b.largestError().compareTo(a.largestError()) > 0 ? b.example() : a.example()));
    }

    /** One column's loss as a line of text (a step's execution context keeps it across a restart). */
    static String encode(String column, ColumnLoss loss) {
        return column + '\t' + loss.count() + '\t' + loss.largestError().toPlainString() + '\t' + loss.example();
    }

    static void decodeInto(Map<String, ColumnLoss> losses, String line) {
        String[] f = line.split("\t", 4);
        losses.put(f[0], new ColumnLoss(Long.parseLong(f[1]), new BigDecimal(f[2]), f[3]));
    }

    public Map<String, ColumnLoss> losses() {
        return losses;
    }

    static String describeKey(String[] key, String[] keyNames) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < key.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(keyNames[i]).append('=').append(key[i]);
        }
        return sb.append(')').toString();
    }
}
