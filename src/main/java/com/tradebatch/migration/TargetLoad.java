package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Whether one table step's target table was <em>empty</em> when the step first started, saved in its execution
 * context (kept for a restart): then every row in it comes from this load, and the verification can compare
 * whole-table checksums ({@link LoadChecksums}). The rows are always written with the upsert ({@link UpsertWriter}).
 */
public class TargetLoad implements StepExecutionListener {

    static final String MODE = "pg-migrate.load";

    /** What the target table held when the load first started. */
    public enum Mode {
        /** The table held rows. */
        UPSERT,
        /** The table was empty. */
        EMPTY_UPSERT;

        /** The table was empty when the load started: every row in it comes from this load. */
        boolean startedEmpty() {
            return this == EMPTY_UPSERT;
        }
    }

    private final Supplier<Optional<TableMigration>> migration;
    private final DataSource target;
    private final JobRepository repository;

    /** @param migration the step's table when it is selected (looked at only once the step starts) */
    public TargetLoad(Supplier<Optional<TableMigration>> migration, DataSource target, JobRepository repository) {
        this.migration = migration;
        this.target = target;
        this.repository = repository;
    }

    @Override
    public void beforeStep(StepExecution step) {
        TableMigration migration = this.migration.get().orElse(null);
        ExecutionContext context = step.getExecutionContext();
        if (migration == null || context.containsKey(MODE)) {
            return; // a restart: decided when the step first started
        }
        String target = migration.mapping().target();
        try (Connection c = this.target.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + SqlNames.quote(target) + ")")) {
            rs.next();
            context.putString(MODE, (rs.getBoolean(1) ? Mode.UPSERT : Mode.EMPTY_UPSERT).name());
        } catch (SQLException e) {
            throw new IllegalStateException("looking at " + target + " for " + migration.mapping().source() + ": " + e.getMessage(), e);
        }
        // saved before the first chunk: a kill between a chunk's commit and its context's save still finds the mode
        repository.updateExecutionContext(step);
    }
}
