package com.tradebatch.maintenance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.StopRequests;
import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgress;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.common.TradingTime;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/** Dumps each requested database (or only {@code tables=}) to {@code <backups>/<database>_<ts>.sql[.gz]}. */
public class ExportSqlTasklet implements Tasklet {

    private final Stores stores;
    private final BackupFiles files;
    private final StepProgressRegistry progress;
    private final List<Store> databases;
    private final Set<String> tables;
    private final boolean gzip;

    /** @param tables null for every table */
    public ExportSqlTasklet(Stores stores, BackupFiles files, StepProgressRegistry progress, List<Store> databases,
            Set<String> tables, boolean gzip) {
        this.stores = stores;
        this.files = files;
        this.progress = progress;
        this.databases = databases;
        this.tables = tables;
        this.gzip = gzip;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // which tables of which database: every name in tables= must exist somewhere, checked before writing
        Map<Store, Set<String>> plan = new LinkedHashMap<>();
        Set<String> unknown = tables == null ? Set.of() : new LinkedHashSet<>(tables);
        for (Store store : databases) {
            if (tables == null) {
                plan.put(store, null);
                continue;
            }
            Set<String> only;
            try (Connection c = stores.dataSource(store).getConnection()) {
                only = new LinkedHashSet<>(SqlDumpWriter.tables(c));
            }
            only.add(SqlDumpWriter.SCHEMA_HISTORY); // only when named
            only.retainAll(tables);
            unknown.removeAll(only);
            if (!only.isEmpty()) {
                plan.put(store, only);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no table " + String.join(", ", unknown) + " in "
                    + String.join(", ", databases.stream().map(Store::key).toList()));
        }
        StringBuilder report = new StringBuilder();
        StepProgress progress = this.progress.of(chunkContext.getStepContext().getStepExecution()).total(plan.size());
        for (Map.Entry<Store, Set<String>> e : plan.entrySet()) {
            Store store = e.getKey();
            StopRequests.checkBefore(chunkContext, store.key());
            long start = System.nanoTime();
            Path file = files.createFile(store.key(), gzip ? ".sql.gz" : ".sql");
            long rows = dump(store, e.getValue(), file);
            contribution.incrementReadCount();
            contribution.incrementWriteCount(rows);
            progress.advance(1, rows);
            report.append(String.format(Locale.ROOT, "%-10s -> %s  %s  %,d rows  %.2f s%n", store.key(), file,
                    DbStatsTasklet.bytes(Files.size(file)), rows, (System.nanoTime() - start) / 1e9));
        }
        JobReport.append(chunkContext.getStepContext().getStepExecution().getJobExecution(), report.toString().stripTrailing());
        return RepeatStatus.FINISHED;
    }

    /** Writes the dump; a dump that fails is deleted, never left half written. */
    private long dump(Store store, Set<String> only, Path file) throws Exception {
        boolean done = false;
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream stream = gzip ? new GZIPOutputStream(raw) : raw;
                Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                Connection c = stores.dataSource(store).getConnection()) {
            long rows = SqlDumpWriter.dump(c, only, out, "tradebatch export-sql of " + store.key() + " ("
                    + stores.location(store).file() + ") at " + TradingTime.now() + " UTC");
            done = true;
            return rows;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    static Set<String> parseTables(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        for (String t : value.split(",")) {
            if (!t.isBlank()) {
                set.add(t.trim());
            }
        }
        return set.isEmpty() ? null : set;
    }
}
