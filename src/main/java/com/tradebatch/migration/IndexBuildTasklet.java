package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * After a table step that bulk-loaded an empty table ({@link TargetLoad}): builds the indexes it dropped, each from
 * the SQL it had, the unique ones last. One sort per index over the loaded rows costs less than keeping four
 * indexes up to date row by row and writing their pages again at every commit.
 * <p>
 * A unique index that cannot be built means two legacy rows map to one target key. The plain insert kept both; the
 * upsert of a table that already holds rows keeps the later one's values in the row. The same is done here
 * (the earlier rows go), so the index builds and the verification names the legacy row whose values are not in
 * the target, as it does after an upsert.
 */
public class IndexBuildTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IndexBuildTasklet.class);

    private final String table;
    private final String tableStep;
    private final MigrationTables tables;
    private final DataSource target;
    private final JobRepository repository;

    public IndexBuildTasklet(String table, String tableStep, MigrationTables tables, DataSource target,
            JobRepository repository) {
        this.table = table;
        this.tableStep = tableStep;
        this.tables = tables;
        this.target = target;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        StepExecution load = repository.getLastStepExecution(job.getJobInstance(), tableStep);
        if (load == null || !load.getExecutionContext().containsKey(TargetLoad.MODE)) {
            return RepeatStatus.FINISHED;
        }
        List<String[]> indexes = new ArrayList<>(TargetLoad.droppedIndexes(load.getExecutionContext()));
        if (indexes.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        // unique indexes last: every other one is built whatever the rows hold
        indexes.sort((a, b) -> Boolean.compare(unique(a[1]), unique(b[1])));
        TableMigration migration = tables.get(table).orElseThrow();
        String targetTable = migration.mapping().target();
        try (Connection c = target.getConnection(); Statement st = c.createStatement()) {
            for (String[] ix : indexes) {
                if (exists(c, ix[0])) {
                    continue; // built by an execution that stopped after it
                }
                long t0 = System.nanoTime();
                try {
                    st.execute(ix[1]);
                } catch (SQLException e) {
                    if (!unique(ix[1]) || !e.getMessage().contains("UNIQUE")) {
                        throw e;
                    }
                    int removed = keepLater(st, targetTable, migration.mapping().conflictKey());
                    log.warn("pg-migrate {}: {} legacy row(s) map to a key of {} that a later row has too; the later"
                            + " row's values are kept, as an upsert keeps them (the verification names the row)",
                            table, removed, targetTable);
                    st.execute(ix[1]);
                }
                log.info("pg-migrate {}: index {} built in {} ms", table, ix[0], (System.nanoTime() - t0) / 1_000_000);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private static boolean unique(String sql) {
        return sql.trim().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE UNIQUE");
    }

    private static boolean exists(Connection c, String index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Deletes all but the last written row of each upsert key; returns how many went. */
    private static int keepLater(Statement st, String table, List<String> key) throws SQLException {
        String columns = key.stream().map(SqlNames::quote).collect(Collectors.joining(", "));
        return st.executeUpdate("DELETE FROM " + SqlNames.quote(table) + " WHERE rowid NOT IN (SELECT max(rowid) FROM "
                + SqlNames.quote(table) + " GROUP BY " + columns + ")");
    }
}
