package com.tradebatch.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

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
 * VACUUM, ANALYZE and {@code PRAGMA optimize} per database, with size and free pages before and after. VACUUM
 * rewrites the whole file, so it is refused (and the job fails naming the database) when the disk has less free
 * space than the database's size; ANALYZE and optimize still run.
 */
public class OptimizeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OptimizeTasklet.class);

    private final Stores stores;
    private final DatabaseInspector inspector;
    private final StepProgressRegistry progress;
    private final List<Store> databases;
    private final ToLongFunction<Path> usableSpace;

    public OptimizeTasklet(Stores stores, DatabaseInspector inspector, StepProgressRegistry progress,
            List<Store> databases,
            ToLongFunction<Path> usableSpace) {
        this.stores = stores;
        this.inspector = inspector;
        this.progress = progress;
        this.databases = databases;
        this.usableSpace = usableSpace;
    }

    /** Free bytes on the file system holding a file. */
    public static long usableSpace(Path file) {
        try {
            return Files.getFileStore(file.getParent()).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the free space beside " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StringBuilder report = new StringBuilder(String.format("%-10s %12s %12s %10s %10s %8s  %s%n",
                "database", "size before", "size after", "free before", "free after", "seconds", "done"));
        List<String> refused = new ArrayList<>();
        StepProgress progress = this.progress.of(chunkContext.getStepContext().getStepExecution())
                .total(databases.size());
        for (Store store : databases) {
            StopRequests.checkBefore(chunkContext, store.key());
            long start = System.nanoTime();
            DatabaseStatistics before = inspector.inspect(store);
            long needed = before.fileBytes() + before.walBytes();
            long free = usableSpace.applyAsLong(before.file());
            String refusal = vacuumRefusal(needed, free);
            List<String> done = new ArrayList<>();
            try (Connection c = stores.dataSource(store).getConnection(); Statement st = c.createStatement()) {
                if (refusal == null) {
                    st.execute("VACUUM");
                    done.add("vacuum");
                } else {
                    refused.add(store.key() + " (" + before.file() + "): VACUUM refused, " + refusal);
                }
                st.execute("ANALYZE");
                done.add("analyze");
                st.execute("PRAGMA optimize");
                done.add("optimize");
                // fold the WAL (which VACUUM filled) back into the file, so the size after is the real one
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            DatabaseStatistics after = inspector.inspect(store);
            double seconds = (System.nanoTime() - start) / 1e9;
            log.info("optimize {}: {} -> {} bytes, free pages {} -> {}", store.key(), before.fileBytes(),
                    after.fileBytes(), before.freePages(), after.freePages());
            report.append(String.format(Locale.ROOT, "%-10s %12s %12s %10d %10d %8.2f  %s%n", store.key(),
                    DbStatsTasklet.bytes(before.fileBytes() + before.walBytes()),
                    DbStatsTasklet.bytes(after.fileBytes() + after.walBytes()), before.freePages(), after.freePages(),
                    seconds, String.join(", ", done) + (refusal == null ? "" : "  (VACUUM refused: " + refusal + ")")));
            contribution.incrementReadCount();
            progress.advance(1, before.rowsPerTable().values().stream().mapToLong(Long::longValue).sum());
        }
        JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                report.toString().stripTrailing());
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join("; ", refused));
        }
        return RepeatStatus.FINISHED;
    }

    /** Why VACUUM must not run, or null when it may: it needs about the database's size again on disk. */
    static String vacuumRefusal(long databaseBytes, long usableBytes) {
        if (usableBytes < databaseBytes) {
            return "free disk " + DbStatsTasklet.bytes(usableBytes) + " is smaller than the database ("
                    + DbStatsTasklet.bytes(databaseBytes) + ")";
        }
        return null;
    }
}
