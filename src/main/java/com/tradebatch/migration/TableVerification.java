package com.tradebatch.migration;

import java.util.Map;

/**
 * The verification of one legacy table: rows read from the source, rows of the target found under the same keys,
 * and the checksum over the mapped (compared) values on each side.
 *
 * @param targetTableRows every row of the target table (other sources or earlier imports included)
 * @param missing         source rows with no target row under their key
 * @param different       source rows whose target row holds other values
 * @param firstProblem    the first missing or different row, for the person looking, or empty
 * @param decimalLoss     numeric values a REAL could not hold, per column
 */
public record TableVerification(String source, String store, String target, long sourceRows, long targetRows,
        String sourceChecksum, String targetChecksum, long missing, long different, String firstProblem,
        long targetTableRows, Map<String, DecimalAudit.ColumnLoss> decimalLoss) {

    public boolean matches() {
        return sourceRows == targetRows && sourceChecksum.equals(targetChecksum) && missing == 0 && different == 0;
    }
}
