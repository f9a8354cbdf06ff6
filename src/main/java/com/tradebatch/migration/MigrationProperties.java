package com.tradebatch.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tradebatch.common.Settings;

/**
 * {@code tradebatch.migration.*} in application.yml (where the defaults live).
 *
 * @param chunkSize         pg-migrate: rows per chunk (one SQLite transaction, one saved restart position)
 * @param emptyChunkSize    the same while a table step loads a target table that was empty when it started
 * @param pageSize          rows per keyset page read from the legacy database, in the migration and in its
 *                          verification
 * @param verifyLookupBatch keys per target lookup of the verification: large enough to amortise the statement,
 *                          small enough for SQLite's {@code IN (VALUES ...)}
 * @param verifyScanThreads the checksum verification scans the target table in this many rowid ranges at once
 * @param mapAhead          rows are mapped and hashed on the read-ahead thread (else on the step's thread)
 */
@ConfigurationProperties("tradebatch.migration")
public record MigrationProperties(int chunkSize, int emptyChunkSize, int pageSize, int verifyLookupBatch, int verifyScanThreads,
        boolean mapAhead) {

    public MigrationProperties {
        Settings.positive("tradebatch.migration.chunk-size", chunkSize);
        Settings.positive("tradebatch.migration.empty-chunk-size", emptyChunkSize);
        Settings.positive("tradebatch.migration.page-size", pageSize);
        Settings.positive("tradebatch.migration.verify-lookup-batch", verifyLookupBatch);
        Settings.positive("tradebatch.migration.verify-scan-threads", verifyScanThreads);
    }
}
