package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.tradebatch.common.JobReport;
import com.tradebatch.common.StepProgress;
import com.tradebatch.common.StepProgressRegistry;
import com.tradebatch.common.TradingTime;
import com.tradebatch.store.Store;
import com.tradebatch.store.Stores;

/**
 * Backs up each requested database: online copy, verification of the copy (integrity_check, rows equal to the
 * source at the snapshot), optional gzip, manifest, then retention. A copy that fails verification is deleted
 * and the job fails naming the database; it never counts as a backup.
 */
public class BackupTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(BackupTasklet.class);
    /** Step context key: index of the next database to back up. */
    static final String NEXT_DATABASE = "backup.next";

    private final Stores stores;
    private final DatabaseCopier copier;
    private final BackupFiles files;
    private final StepProgressRegistry progress;
    private final List<Store> databases;
    private final int keep;
    private final boolean gzip;

    public BackupTasklet(Stores stores, DatabaseCopier copier, BackupFiles files, StepProgressRegistry progress,
            List<Store> databases, int keep,
            boolean gzip) {
        this.stores = stores;
        this.copier = copier;
        this.files = files;
        this.progress = progress;
        this.databases = databases;
        this.keep = keep;
        this.gzip = gzip;
    }

    /**
     * One database per call: between two databases the step can be stopped (serve on SIGTERM), and a restart
     * goes on with the databases not yet backed up (their position is in the step's execution context).
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        int next = stepExecution.getExecutionContext().getInt(NEXT_DATABASE, 0);
        StepProgress progress = this.progress.of(stepExecution);
        // the first call of a restarted execution starts at what the earlier run finished
        progress.total(databases.size()).resumedAt(next);
        if (next >= databases.size()) {
            return RepeatStatus.FINISHED;
        }
        Store store = databases.get(next);
        // before each database, so that a restart after a kill also clears what the killed run left
        for (Path deleted : files.removeLeftovers()) {
            JobReport.append(stepExecution.getJobExecution(),
                    String.format("%-10s -> deleted %s (left by an interrupted backup)", "backups", deleted.getFileName()));
        }
        long start = System.nanoTime();
        BackupManifest manifest;
        try {
            manifest = backup(store);
        } catch (Exception e) {
            if (DiskFull.causedBy(e)) {
                throw new IllegalStateException(store.key() + ": backup failed, " + DiskFull.message(files.dir(), sourceSize(store))
                        + "; nothing of this backup was kept (" + e.getMessage() + ")", e);
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("backup {}: {} ({} bytes, {} rows) in {} s", store.key(), manifest.file(), manifest.size(),
                manifest.totalRows(), seconds);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%-10s -> %s  %s  %,d rows in %d tables  verified  %.2f s  sha256 %s", store.key(),
                files.dir().resolve(manifest.file()), DbStatsTasklet.bytes(manifest.size()), manifest.totalRows(),
                manifest.rows().size(), seconds, manifest.sha256()));
        for (int i = 0; i < manifest.rows().size(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(manifest.totalRows());
        progress.advance(1, manifest.totalRows());
        for (Path deleted : files.prune(store, keep)) {
            report.append(String.format("%n%-10s    deleted %s (keep=%d)", "", deleted.getFileName(), keep));
        }
        JobReport.append(stepExecution.getJobExecution(), report.toString());
        stepExecution.getExecutionContext().putInt(NEXT_DATABASE, next + 1);
        return next + 1 < databases.size() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    BackupManifest backup(Store store) throws SQLException, IOException {
        try (BackupFiles.Reservation reserved = files.reserveBackup(store, gzip)) {
            Path copy = reserved.partial();
            Path packed = reserved.packing();
            boolean done = false;
            try {
                Files.deleteIfExists(copy); // a work file without a manifest of its own: nobody's (the name is ours now)
                Map<String, Long> snapshot = copier.copy(store, copy);
                String check = verify(store, copy, snapshot);
                long databaseSize = Files.size(copy);
                String databaseSha = Checksums.sha256(copy);
                if (gzip) {
                    compress(copy, packed);
                    String unpacked;
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(packed))) {
                        unpacked = Checksums.sha256(in);
                    }
                    if (!unpacked.equals(databaseSha)) {
                        throw new IOException(store.key() + ": the compressed backup does not decompress to the copy");
                    }
                    Files.move(packed, reserved.file());
                    Files.delete(copy);
                } else {
                    Files.move(copy, reserved.file());
                }
                BackupManifest manifest = new BackupManifest(store.key(), stores.location(store).file().toString(),
                        reserved.file().getFileName().toString(), TradingTime.now(), gzip ? "gzip" : "none",
                        Files.size(reserved.file()), gzip ? Checksums.sha256(reserved.file()) : databaseSha,
                        databaseSize, databaseSha, check, snapshot, true);
                manifest.write(reserved.manifest());
                done = true;
                return manifest;
            } finally {
                if (!done) {
                    // quietly: a failed delete must not hide why the backup failed; the next run's sweep retries
                    for (String sqliteFile : new String[] {"", "-journal", "-wal", "-shm"}) {
                        BackupFiles.deleteQuietly(Path.of(copy + sqliteFile));
                    }
                    BackupFiles.deleteQuietly(packed);
                    BackupFiles.deleteQuietly(reserved.file());
                    BackupFiles.deleteQuietly(BackupManifest.temporary(reserved.manifest()));
                    BackupFiles.deleteQuietly(reserved.manifest()); // last, while still locked
                }
            }
        }
    }

    /** The database file and its WAL: about what an uncompressed copy takes. */
    private long sourceSize(Store store) {
        Path file = stores.location(store).file();
        long size = 0;
        for (Path f : new Path[] {file, Path.of(file + "-wal")}) {
            try {
                size += Files.size(f);
            } catch (IOException e) {
                // not there: nothing to add
            }
        }
        return size;
    }

    /** integrity_check of the copy and its rows against the snapshot; throws naming the database when not equal. */
    private static String verify(Store store, Path copy, Map<String, Long> snapshot) throws SQLException {
        try (Connection c = SqliteFile.open(copy)) {
            SqliteFile.makeStandalone(c);
            List<String> check = SqliteFile.integrityCheck(c, false);
            if (!SqliteFile.isOk(check)) {
                throw new IllegalStateException(store.key() + ": the backup copy fails integrity_check: "
                        + String.join("; ", check));
            }
            Map<String, Long> rows = SqliteFile.rowCounts(c);
            if (!rows.equals(snapshot)) {
                throw new IllegalStateException(store.key() + ": the backup copy has rows " + rows
                        + " but the database had " + snapshot + " at the snapshot");
            }
            return check.get(0);
        }
    }

    private static void compress(Path from, Path to) {
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
