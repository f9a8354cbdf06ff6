package com.tradebatch.maintenance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.StopRequests;
import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgress;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.store.Store;

/** Inspects each requested store and leaves a table of the figures in the job report. */
public class DbStatsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DbStatsTasklet.class);

    private final DatabaseInspector inspector;
    private final StepProgressRegistry progress;
    private final List<Store> stores;

    public DbStatsTasklet(DatabaseInspector inspector, StepProgressRegistry progress, List<Store> stores) {
        this.inspector = inspector;
        this.progress = progress;
        this.stores = stores;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(String.format("%-10s %12s %10s %8s %10s %10s %7s%n",
                "database", "size", "wal", "page", "pages", "free", "frag%"));
        StringBuilder tables = new StringBuilder();
        StepProgress progress = this.progress.of(chunkContext.getStepContext().getStepExecution()).total(stores.size());
        for (Store store : stores) {
            StopRequests.checkBefore(chunkContext, store.key());
            DatabaseStatistics s = inspector.inspect(store);
            log.info("db-stats {}: {}", store.key(), s);
            report.append(String.format(Locale.ROOT, "%-10s %12s %10s %8d %10d %10d %7.2f%n", store.key(),
                    bytes(s.fileBytes()), bytes(s.walBytes()), s.pageSize(), s.pageCount(), s.freePages(),
                    s.fragmentationPct()));
            tables.append(store.key()).append(" (").append(s.file()).append(")\n");
            for (Map.Entry<String, Long> e : s.rowsPerTable().entrySet()) {
                tables.append(String.format("  %-28s %,14d rows%n", e.getKey(), e.getValue()));
            }
            // one "item" per table counted, so the summary says how much was inspected
            for (int i = 0; i < s.rowsPerTable().size(); i++) {
                contribution.incrementReadCount();
            }
            progress.advance(1, s.rowsPerTable().values().stream().mapToLong(Long::longValue).sum());
        }
        JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                (report + "\n" + tables).stripTrailing());
        return RepeatStatus.FINISHED;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
