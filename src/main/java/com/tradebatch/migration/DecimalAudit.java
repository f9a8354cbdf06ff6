package com.tradebatch.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    private final Map<String, ColumnLoss> losses = new TreeMap<>();

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
        losses.merge(column, new ColumnLoss(1, error, where + " " + value.toPlainString()),
                (a, b) -> new ColumnLoss(a.count() + 1, a.largestError().max(b.largestError()),
                        b.largestError().compareTo(a.largestError()) > 0 ? b.example() : a.example()));
        return d;
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
