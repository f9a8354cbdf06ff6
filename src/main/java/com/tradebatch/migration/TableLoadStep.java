package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * One table's step, whose commit interval is chosen when it runs: {@code empty-chunk-size} rows while it loads a
 * target table that was empty when the load first started ({@link TargetLoad}: a restart keeps the first decision),
 * {@code chunk-size} otherwise. Spring Batch fixes a chunk step's size when the step is built, so each execution
 * builds its chunk step here, under this step's name (the restart position and the saved sums are the name's).
 * Restart stays exact at any size: the reader's position is saved with each commit.
 */
final class TableLoadStep implements Step {

    private final String name;
    private final String source;
    private final MigrationTables tables;
    private final DataSource target;
    private final int chunkSize;
    private final int emptyChunkSize;
    private final IntFunction<Step> build;

    /**
     * @param source the legacy table
     * @param build  the chunk step of this name with the given chunk size
     */
    TableLoadStep(String name, String source, MigrationTables tables, DataSource target, int chunkSize,
            int emptyChunkSize, IntFunction<Step> build) {
        this.name = name;
        this.source = source;
        this.tables = tables;
        this.target = target;
        this.chunkSize = chunkSize;
        this.emptyChunkSize = emptyChunkSize;
        this.build = build;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void execute(StepExecution execution) throws JobInterruptedException {
        build.apply(loadsEmptyTarget(execution) ? emptyChunkSize : chunkSize).execute(execution);
    }

    /** The saved decision of an earlier execution of this step, else whether the target table is empty now. */
    private boolean loadsEmptyTarget(StepExecution execution) {
        if (emptyChunkSize == chunkSize) {
            return false;
        }
        if (execution.getExecutionContext().containsKey(TargetLoad.MODE)) {
            return TargetLoad.Mode.valueOf(execution.getExecutionContext().getString(TargetLoad.MODE)).startedEmpty();
        }
        String selection = execution.getJobExecution().getJobParameters().getString("tables");
        Optional<TableMigration> table = TableSelection.parse(selection).contains(source) ? tables.get(source) : Optional.empty();
        if (table.isEmpty()) {
            return false; // not selected or not in the legacy database: nothing to read
        }
        String sql = "SELECT EXISTS (SELECT 1 FROM " + SqlNames.quote(table.get().mapping().target()) + ")";
        try (Connection c = target.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return !rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("looking at " + table.get().mapping().target() + ": " + e.getMessage(), e);
        }
    }
}
