package com.tradebatch.store;

import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The versions of the batch store, each a SQL script applied through Flyway so the batch store is versioned like
 * the others. Version 1 is the job repository schema that spring-batch-core ships for SQLite; version 2 adds the
 * indexes that schema lacks. A later Batch upgrade adds a version that runs the migration script Batch ships for it.
 */
class BatchSchemaMigration implements JavaMigration {

    static final String SCHEMA = "org/springframework/batch/core/schema-sqlite.sql";
    static final String INDEXES = "db/batch/V2__execution_indexes.sql";

    private final String version;
    private final String description;
    private final String script;

    BatchSchemaMigration(String version, String description, String script) {
        this.version = version;
        this.description = description;
        this.script = script;
    }

    /** Every version, oldest first. */
    static JavaMigration[] all() {
        return List.of(new BatchSchemaMigration("1", "spring batch 6 job repository", SCHEMA),
                new BatchSchemaMigration("2", "execution indexes", INDEXES)).toArray(JavaMigration[]::new);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
        new ResourceDatabasePopulator(new ClassPathResource(script))
                .execute(new SingleConnectionDataSource(context.getConnection(), true));
    }
}
