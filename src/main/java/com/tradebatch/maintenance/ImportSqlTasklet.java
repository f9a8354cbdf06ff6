package com.tradebatch.maintenance;

import java.io.EOFException;
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
import java.util.zip.ZipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgress;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.maintenance.ImportAllowList.Verdict;
import com.tradebatch.maintenance.SqlScriptReader.SqlStatement;
import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.Stores;

/**
 * Loads an SQL dump into one database. First pass: every statement is checked against the store's
 * {@link ImportAllowList} and the whole dump against {@link DumpFrame} (it ends as an export ends, not cut short);
 * the dump is refused, naming the lines, before anything is written. Second pass: the statements run in one
 * transaction of the import's own (the dump's BEGIN/COMMIT are skipped), foreign keys are checked at the end,
 * and any failure rolls everything back.
 */
public class ImportSqlTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ImportSqlTasklet.class);

    private final Stores stores;
    private final StoreMigrator migrator;
    private final StepProgressRegistry progress;
    private final Store database;
    private final Path file;
    private final int maxProblems;

    public ImportSqlTasklet(Stores stores, StoreMigrator migrator, StepProgressRegistry progress, Store database,
            Path file, int maxProblems) {
        this.stores = stores;
        this.migrator = migrator;
        this.progress = progress;
        this.database = database;
        this.file = file;
        this.maxProblems = maxProblems;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("import-sql: no file " + file);
        }
        ImportAllowList allowList = new ImportAllowList(database.key(), migrator.referenceObjects(database));
        long statements = check(allowList);
        long start = System.nanoTime();
        StepProgress progress = this.progress.of(chunkContext.getStepContext().getStepExecution()).total(statements);
        long rows = load(allowList, statements, contribution, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(), String.format(Locale.ROOT,
                "%-10s <- %s  %,d statements, %,d rows inserted  %.2f s", database.key(), file, statements, rows, seconds));
        return RepeatStatus.FINISHED;
    }

    /** First pass: the whole dump against the allow-list and its frame. Returns the statement count, or throws naming the lines. */
    long check(ImportAllowList allowList) throws IOException {
        List<String> refused = new ArrayList<>();
        DumpFrame frame = new DumpFrame(maxProblems);
        SqlScriptReader reader = null;
        try (Reader in = open()) {
            reader = new SqlScriptReader(in);
            for (SqlStatement s = reader.next(); s != null; s = reader.next()) {
                frame.add(s);
                try {
                    allowList.check(s);
                } catch (ImportAllowList.Refused r) {
                    if (refused.size() < maxProblems) {
                        refused.add("line " + s.line() + ": " + r.getMessage());
                    }
                }
            }
            refused.addAll(frame.finish(reader.trailingComment(), reader.line()));
        } catch (SqlScriptReader.SqlSyntaxException e) {
            refused.add(e.getMessage() + " (is the dump cut short?)");
        } catch (EOFException | ZipException e) {
            refused.add("line " + (reader == null ? 1 : reader.line()) + ": the gzip data ends early or is damaged ("
                    + e.getMessage() + "); the dump is cut short");
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("import-sql refused " + file + " (nothing was written to " + database.key()
                    + "):\n" + String.join("\n", refused));
        }
        return frame.statements();
    }

    /** Second pass: runs the checked statements in one transaction; returns the rows inserted. */
    private long load(ImportAllowList allowList, long checked, StepContribution contribution, StepProgress progress)
            throws IOException, SQLException {
        long rows = 0;
        try (Connection c = stores.dataSource(database).getConnection(); Statement st = c.createStatement()) {
            // a dump lists tables by name, not in foreign-key order: checked once at the end instead
            st.execute("PRAGMA foreign_keys = OFF");
            c.setAutoCommit(false);
            boolean committed = false;
            try (Reader in = open()) {
                SqlScriptReader reader = new SqlScriptReader(in);
                DumpFrame frame = new DumpFrame(maxProblems);
                for (SqlStatement s = reader.next(); s != null; s = reader.next()) {
                    frame.add(s);
                    Verdict verdict = check(allowList, s);
                    if (verdict == Verdict.TRANSACTION) {
                        progress.advance(1, 0);
                        continue; // the import's own transaction stands for the dump's
                    }
                    try {
                        int n = st.executeUpdate(s.text());
                        if (verdict == Verdict.INSERT) {
                            rows += n;
                            contribution.incrementWriteCount(n);
                        }
                        progress.advance(1, verdict == Verdict.INSERT ? n : 0);
                    } catch (SQLException e) {
                        throw new SQLException("line " + s.line() + ": " + e.getMessage(), e);
                    }
                }
                // the file may have changed since the check: it must still end whole before anything is committed
                List<String> ending = frame.finish(reader.trailingComment(), reader.line());
                if (!ending.isEmpty() || frame.statements() != checked) {
                    throw new IllegalStateException(file + " changed since it was checked (" + checked + " statements, now "
                            + frame.statements() + ")" + (ending.isEmpty() ? "" : ": " + String.join("; ", ending)));
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

    private static Verdict check(ImportAllowList allowList, SqlStatement s) {
        try {
            return allowList.check(s);
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
