package com.tradebatch.maintenance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.StopRequests;
import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgress;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/**
 * {@code integrity_check} (or {@code quick_check}) and {@code foreign_key_check} of each database. Checks them
 * all, reports each, then fails naming every database with a problem (job FAILED, exit 1).
 */
public class IntegrityCheckTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheckTasklet.class);

    private final Stores stores;
    private final StepProgressRegistry progress;
    private final List<Store> databases;
    private final boolean quick;
    private final int maxProblems;

    public IntegrityCheckTasklet(Stores stores, StepProgressRegistry progress, List<Store> databases,
            boolean quick, int maxProblems) {
        this.stores = stores;
        this.progress = progress;
        this.databases = databases;
        this.quick = quick;
        this.maxProblems = maxProblems;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        String check = quick ? "quick_check" : "integrity_check";
        StepProgress progress = this.progress.of(chunkContext.getStepContext().getStepExecution())
                .total(databases.size());
        for (Store store : databases) {
            StopRequests.checkBefore(chunkContext, store.key());
            List<String> problems = check(store);
            contribution.incrementReadCount();
            progress.advance(1, 0); // the checks read pages, not rows
            String where = store.key() + " (" + stores.location(store).file() + ")";
            if (problems.isEmpty()) {
                report.append(String.format("%-10s %s ok, foreign_key_check ok%n", store.key(), check));
            } else {
                log.error("integrity-check {}: {}", where, problems);
                report.append(String.format("%-10s NOT OK%n", store.key()));
                problems.forEach(p -> report.append("             ").append(p).append('\n'));
                failures.add(where + ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
        }
        JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                report.toString().stripTrailing());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("integrity-check found problems in " + String.join("; ", failures));
        }
        return RepeatStatus.FINISHED;
    }

    /** The problems of one database; empty when it is ok. */
    List<String> check(Store store) {
        List<String> problems = new ArrayList<>();
        String check = quick ? "quick_check" : "integrity_check";
        try (Connection c = stores.dataSource(store).getConnection()) {
            List<String> result = SqliteFile.strings(c, "PRAGMA " + check + "(" + maxProblems + ")");
            if (!SqliteFile.isOk(result)) {
                result.forEach(r -> problems.add(check + ": " + r));
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next() && problems.size() < maxProblems) {
                    problems.add("foreign_key_check: " + rs.getString(1) + " rowid " + rs.getString(2)
                            + " refers to a missing row of " + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            // a page damaged badly enough makes SQLite give up on the check itself
            problems.add(check + ": " + e.getMessage());
        }
        return problems;
    }
}
