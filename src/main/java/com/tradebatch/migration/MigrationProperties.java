package com.tradebatch.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tradebatch.common.Settings;

/**
 * {@code tradebatch.migration.*} in application.yml (where the defaults live).
 *
 * @param chunkSize         pg-migrate: rows per chunk (one SQLite transaction, one saved restart position)
 * @param pageSize          rows per keyset page read from the legacy database, in the migration and in its
 *                          verification
 * @param verifyLookupBatch keys per target lookup of the verification: large enough to amortise the statement,
 *                          small enough for SQLite's {@code IN (VALUES ...)}
 */
@ConfigurationProperties("tradebatch.migration")
public record MigrationProperties(int chunkSize, int pageSize, int verifyLookupBatch) {

    public MigrationProperties {
        Settings.positive("tradebatch.migration.chunk-size", chunkSize);
        Settings.positive("tradebatch.migration.page-size", pageSize);
        Settings.positive("tradebatch.migration.verify-lookup-batch", verifyLookupBatch);
    }
}
