package com.tradebatch.cli;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.launch.JobCatalog;
import com.tradebatch.launch.UsageException;
import com.tradebatch.launch.ExitCode;

/** {@code executions [job] [--limit N]}: recent executions, newest first, from the job repository. */
@Component
class ExecutionsCommand implements Command {

    static final int DEFAULT_LIMIT = 20;

    // one row per execution with its steps' counts summed; the job repository API would need a query per step
    private static final String RECENT = """
            SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME,
                   COALESCE(SUM(s.READ_COUNT), 0), COALESCE(SUM(s.WRITE_COUNT), 0),
                   COALESCE(SUM(s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT), 0)
            FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            WHERE (? IS NULL OR i.JOB_NAME = ?)
            GROUP BY e.JOB_EXECUTION_ID
            ORDER BY e.JOB_EXECUTION_ID DESC
            LIMIT ?
            """;

    private final JdbcTemplate batch;
    private final JobCatalog catalog;
    private final StoreMigrator migrator;

    ExecutionsCommand(@Qualifier("batchDataSource") DataSource batch, JobCatalog catalog, StoreMigrator migrator) {
        this.batch = new JdbcTemplate(batch);
        this.catalog = catalog;
        this.migrator = migrator;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        String job = null;
        int limit = DEFAULT_LIMIT;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            if (a.equals("--limit")) {
                limit = Cli.positiveInt("--limit", rest.isEmpty() ? null : rest.remove(0));
            } else if (a.startsWith("--limit=")) {
                limit = Cli.positiveInt("--limit", a.substring("--limit=".length()));
            } else if (job == null && !a.startsWith("-")) {
                job = catalog.spec(a).name();
            } else {
                throw new UsageException("executions: unexpected '" + a + "'. Usage: tradebatch executions [job] [--limit N]");
            }
        }
        migrator.migrate(Store.BATCH);
        List<String> lines = batch.query(RECENT, (rs, n) -> String.format("%6d  %-18s %-10s %-19s %-19s %,12d %,12d %,9d",
                rs.getLong(1), rs.getString(2), rs.getString(3), time(rs.getTimestamp(4)), time(rs.getTimestamp(5)),
                rs.getLong(6), rs.getLong(7), rs.getLong(8)), job, job, limit);
        if (lines.isEmpty()) {
            out.println(job == null ? "no executions yet" : "no executions of " + job + " yet");
            return ExitCode.OK;
        }
        out.println(String.format("%6s  %-18s %-10s %-19s %-19s %12s %12s %9s", "ID", "JOB", "STATUS", "START", "END",
                "READ", "WRITTEN", "SKIPPED"));
        lines.forEach(out::println);
        return ExitCode.OK;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Batch writes LocalDateTime (local time of the machine); the driver reads it back as a Timestamp. */
    private static String time(Timestamp value) {
        return value == null ? "-" : value.toLocalDateTime().format(TIME);
    }
}
