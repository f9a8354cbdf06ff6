package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.JobReport;
import com.tradebatch.maintenance.ImportAllowList.Verdict;
import com.tradebatch.maintenance.SqlScriptReader.SqlStatement;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/**
 * Loads an SQL dump into one database. First pass: every statement is checked against {@link ImportAllowList}
 * and the dump is refused, naming the lines, before anything is written. Second pass: the statements run in one
 * transaction of the import's own (the dump's BEGIN/COMMIT are skipped), foreign keys are checked at the end,
 * and any failure rolls everything back.
 */
public class ImportSqlTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ImportSqlTasklet.class);

    private final Stores stores;
    private final Store database;
    private final Path file;
    private final int maxProblems;

    public ImportSqlTasklet(Stores stores, Store database, Path file, int maxProblems) {
        this.stores = stores;
        this.database = database;
        this.file = file;
        this.maxProblems = maxProblems;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("import-sql: no file " + file);
        }
        long statements = check();
        long start = System.nanoTime();
        long rows = load(contribution);
        double seconds = (System.nanoTime() - start) / 1e9;
        JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(), String.format(Locale.ROOT,
                "%-10s <- %s  %,d statements, %,d rows inserted  %.2f s", database.key(), file, statements, rows, seconds));
        return RepeatStatus.FINISHED;
    }

    /** First pass: the whole dump against the allow-list. Returns the statement count, or throws naming the lines. */
    long check() throws IOException {
        List<String> refused = new ArrayList<>();
        long count = 0;
        try (Reader in = open()) {
            SqlScriptReader reader = new SqlScriptReader(in);
            for (SqlStatement s = reader.next(); s != null; s = reader.next()) {
                count++;
                try {
                    ImportAllowList.check(s);
                } catch (ImportAllowList.Refused r) {
                    if (refused.size() < maxProblems) {
                        refused.add("line " + s.line() + ": " + r.getMessage());
                    }
                }
            }
        } catch (SqlScriptReader.SqlSyntaxException e) {
            refused.add(e.getMessage());
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("import-sql refused " + file + " (nothing was written to " + database.key()
                    + "):\n" + String.join("\n", refused));
        }
        return count;
    }

    /** Second pass: runs the checked statements in one transaction; returns the rows inserted. */
    private long load(StepContribution contribution) throws IOException, SQLException {
        long rows = 0;
        try (Connection c = stores.dataSource(database).getConnection(); Statement st = c.createStatement()) {
            // a dump lists tables by name, not in foreign-key order: checked once at the end instead
            st.execute("PRAGMA foreign_keys = OFF");
            c.setAutoCommit(false);
            boolean committed = false;
            try (Reader in = open()) {
                SqlScriptReader reader = new SqlScriptReader(in);
                for (SqlStatement s = reader.next(); s != null; s = reader.next()) {
                    Verdict verdict = check(s);
                    if (verdict == Verdict.TRANSACTION) {
                        continue; // the import's own transaction stands for the dump's
                    }
                    try {
                        int n = st.executeUpdate(s.text());
                        if (verdict == Verdict.INSERT) {
                            rows += n;
                            contribution.incrementWriteCount(n);
                        }
                    } catch (SQLException e) {
                        throw new SQLException("line " + s.line() + ": " + e.getMessage(), e);
                    }
                }
                List<String> orphans = foreignKeyProblems(st);
                if (!orphans.isEmpty()) {
                    throw new IllegalStateException("the dump leaves rows referring to missing rows: "
                            + String.join("; ", orphans));
                }
                c.commit();
                committed = true;
            } finally {
                if (!committed) {
                    log.warn("import-sql into {}: rolled back", database.key());
                    c.rollback();
                }
                c.setAutoCommit(true);
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
        return rows;
    }

    private static Verdict check(SqlStatement s) {
        try {
            return ImportAllowList.check(s);
        } catch (ImportAllowList.Refused e) {
            throw new IllegalStateException("line " + s.line() + ": " + e.getMessage()); // the file changed since the check
        }
    }

    private List<String> foreignKeyProblems(Statement st) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && problems.size() < maxProblems) {
                problems.add(rs.getString(1) + " rowid " + rs.getString(2) + " -> " + rs.getString(3));
            }
        }
        return problems;
    }

    /** The dump as text, gzipped or not. */
    private Reader open() throws IOException {
        return new InputStreamReader(CompressedFiles.open(file), StandardCharsets.UTF_8);
    }
}
