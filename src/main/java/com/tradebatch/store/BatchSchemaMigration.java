package com.tradebatch.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Version 1 of the batch store: the job repository schema that spring-batch-core ships for SQLite, applied
 * through Flyway so the batch store is versioned like the others. A later Batch upgrade adds a V2 that runs
 * the migration script Batch ships for it.
 */
class BatchSchemaMigration implements JavaMigration {

    static final String SCHEMA = "org/springframework/batch/core/schema-sqlite.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "spring batch 6 job repository";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA))
                .execute(new SingleConnectionDataSource(context.getConnection(), true));
    }
}
