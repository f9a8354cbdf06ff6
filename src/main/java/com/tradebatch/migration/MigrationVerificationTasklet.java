package com.tradebatch.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgress;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Stores;

/**
 * Last step: verifies every migrated table, prints the report, writes it as JSON into the data folder, and fails the
 * job when any table differs. A table loaded into an empty target is verified from the checksums its load took
 * ({@link LoadChecksums}: one scan of the target, one aggregate query on the source); any other table, and any
 * table whose checksums do not match, row by row against the source ({@link TableVerifier}).
 */
public class MigrationVerificationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MigrationVerificationTasklet.class);

    private final LegacySource legacy;
    private final MigrationPlans plans;
    private final MigrationTables tables;
    private final Stores stores;
    private final StepProgressRegistry progress;
    private final Set<String> selected;
    private final Path reportFolder;
    private final int pageSize;
    private final int lookupBatch;
    private final JobRepository repository;

    public MigrationVerificationTasklet(LegacySource legacy, MigrationPlans plans, MigrationTables tables, Stores stores,
            StepProgressRegistry progress, Set<String> selected,
            Path reportFolder, int pageSize, int lookupBatch, JobRepository repository) {
        this.repository = repository;
        this.legacy = legacy;
        this.plans = plans;
        this.tables = tables;
        this.stores = stores;
        this.progress = progress;
        this.selected = selected;
        this.reportFolder = reportFolder;
        this.pageSize = pageSize;
        this.lookupBatch = lookupBatch;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        // the plan step's, when this process ran it: the tables are not listed and counted again
        MigrationPlan plan = plans.of(job.getId(), legacy, selected);
        plans.forget(job.getId());
        List<TableVerification> results = new ArrayList<>();
        // the plan's row counts are the whole; the verification counts what it actually reads
        StepProgress progress = this.progress.of(chunkContext.getStepContext().getStepExecution())
                .total(plan.tables().stream().mapToLong(MigrationPlan.Entry::rows).sum());
        Connection c = null; // opened only for a comparison row by row
        try {
            for (MigrationPlan.Entry e : plan.tables()) {
                TableMigration migration = tables.get(e.mapping().source()).orElseThrow();
                DataSource target = stores.dataSource(e.mapping().store());
                StepExecution load = repository.getLastStepExecution(job.getJobInstance(),
                        PgMigrateJobConfiguration.STEP_PREFIX + e.mapping().source());
                TableVerification v = LoadChecksums.of(load).map(sums -> sums.verify(legacy, migration, target))
                        .orElse(null);
                if (v == null || !v.matches()) {
                    // the target held other rows, or a checksum differs: row by row against the source as it is now,
                    // which names the row
                    c = c != null ? c : legacy.connect();
                    v = new TableVerifier(c, target, pageSize, lookupBatch).verify(migration, progress);
                } else {
                    progress.advance(v.sourceRows());
                }
                log.info("pg-migrate verification {}: {}", v.source(), v);
                results.add(v);
            }
        } finally {
            if (c != null) {
                c.close();
            }
        }
        MigrationReport report = new MigrationReport(job.getId(), plan, results);
        Path file = report.write(reportFolder);
        // a restarted run verifies again: its report replaces the one a failed verification left
        job.getExecutionContext().remove(JobReport.KEY);
        JobReport.append(job, report.describe(file));
        if (!report.matches()) {
            throw new MigrationMismatchException("verification failed: " + report.mismatches().size()
                    + " table(s) differ between the legacy database and SQLite: " + String.join(", ",
                            report.mismatches().stream().map(TableVerification::source).toList()) + " (see " + file + ")");
        }
        return RepeatStatus.FINISHED;
    }
}
