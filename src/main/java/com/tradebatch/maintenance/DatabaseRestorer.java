package com.tradebatch.maintenance;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.tradebatch.store.Store;
import com.tradebatch.store.StoreMigrator;
import com.tradebatch.store.StoreProperties;
import com.tradebatch.store.StoreSchemaException;
import com.tradebatch.store.Stores;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Puts a backup in place of a store's file, without ever leaving a half-restored database:
 * <ol>
 * <li>checks the backup against its verified manifest (size, sha256, database); a file without one (the
 * {@code .partial} of a killed backup, a copy from elsewhere) only when forced;</li>
 * <li>stages it beside the database (decompressed), checks integrity, rows against the manifest and the store's
 * schema: a broken or truncated backup is refused here, nothing touched;</li>
 * <li>closes this process's pool of the store, folds the WAL into the current file and switches it out of WAL
 * mode, which SQLite allows only when no other connection has it open (another process holding it: refused);
 * then holds an exclusive lock on it while the current file is linked aside as
 * {@code <file>.before-restore-<ts>} and the staged file is renamed over it in one atomic step.</li>
 * </ol>
 * A process that opens the database after the rename sees the restored file; one that kept it open across
 * the restore (not possible while the lock is held) would go on writing to the file kept aside.
 */
@Component
public class DatabaseRestorer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestorer.class);
    public static final String ASIDE = ".before-restore-";

    private final Stores stores;
    private final StoreMigrator migrator;
    private final BackupFiles files;
    private final StoreProperties storeProperties;
    private final Clock clock = Clock.systemUTC();

    public DatabaseRestorer(Stores stores, StoreMigrator migrator, BackupFiles files, StoreProperties storeProperties) {
        this.stores = stores;
        this.migrator = migrator;
        this.files = files;
        this.storeProperties = storeProperties;
    }

    /** The backup could not be restored; nothing was changed. */
    public static class RestoreRefused extends RuntimeException {
        public RestoreRefused(String message) {
            super(message);
        }
    }

    /**
     * @param manifest null when the backup has none (restored with force)
     * @param keptAside null when there was no current file
     */
    public record Outcome(Store store, Path backup, Path target, Path keptAside, BackupManifest manifest,
            Map<String, Long> rows) {
    }

    /** A backup named on the command line: as given (relative to the working directory), else in the backup folder. */
    public Path locate(String name) {
        Path given = Path.of(name);
        Path resolved = given.isAbsolute() ? given : storeProperties.getBaseDir().resolve(given).normalize();
        if (Files.exists(resolved)) {
            return resolved;
        }
        Path inBackups = files.dir().resolve(given.getFileName());
        if (Files.exists(inBackups)) {
            return inBackups;
        }
        throw new RestoreRefused("no backup file " + resolved);
    }

    /**
     * @param force restore a file without a verified manifest (it is still checked: integrity, schema); a file
     *              that contradicts its manifest is refused all the same
     */
    public Outcome restore(Store store, Path backup, boolean force) {
        Path target = stores.location(store).file();
        String stamp = BackupFiles.stamp(clock);
        BackupManifest manifest = checkManifest(store, backup, force);
        Path staged = target.resolveSibling("." + target.getFileName() + ".restore-" + stamp);
        try {
            Map<String, Long> rows = stage(store, backup, staged, manifest);
            Path aside = swap(store, staged, target, target.resolveSibling(target.getFileName() + ASIDE + stamp));
            log.info("restored {} from {} (previous file kept as {})", target, backup, aside);
            return new Outcome(store, backup, target, aside, manifest, rows);
        } finally {
            deleteQuietly(staged);
        }
    }

    private BackupManifest checkManifest(Store store, Path backup, boolean force) {
        Path m = BackupManifest.beside(backup);
        String missing; // why there is no verified manifest, when there is none
        BackupManifest manifest = null;
        try {
            if (backup.getFileName().toString().endsWith(BackupFiles.PARTIAL)) {
                missing = "a " + BackupFiles.PARTIAL + " file is the copy of a backup that never finished";
            } else if (!Files.exists(m)) {
                missing = "there is no " + m.getFileName();
            } else if (Files.size(m) == 0) {
                missing = m.getFileName() + " is empty: the backup never finished";
            } else {
                manifest = BackupManifest.read(m);
                missing = !manifest.file().equals(backup.getFileName().toString())
                        ? m.getFileName() + " describes " + manifest.file()
                        : manifest.verified() ? null : m.getFileName() + " does not say verified";
            }
        } catch (IOException | RuntimeException e) {
            missing = m.getFileName() + " cannot be read (" + e.getMessage() + ")";
        }
        if (missing != null) {
            if (force) {
                log.warn("restoring {} without a verified manifest (--force): {}", backup, missing);
                return null;
            }
            throw new RestoreRefused(backup + " has no verified manifest (" + missing + "), so nothing vouches"
                    + " that it is a complete backup. Restore it anyway with --force (it is still checked:"
                    + " integrity_check and the store's schema)");
        }
        if (!store.key().equals(manifest.database())) {
            throw new RestoreRefused(backup + " is a backup of " + manifest.database() + ", not of " + store.key());
        }
        try {
            long size = Files.size(backup);
            if (size != manifest.size() || !Checksums.sha256(backup).equals(manifest.sha256())) {
                throw new RestoreRefused(backup + " does not match its manifest " + m.getFileName() + " (" + size
                        + " bytes, manifest says " + manifest.size() + "): truncated or altered");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RestoreRefused("cannot read " + backup + ": " + e.getMessage());
        }
        return manifest;
    }

    /** Copies (decompressing) the backup to {@code staged} and verifies it there. Returns its rows. */
    private Map<String, Long> stage(Store store, Path backup, Path staged, BackupManifest manifest) {
        try (InputStream data = CompressedFiles.open(backup)) {
            Files.copy(data, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (EOFException | ZipException e) {
            throw new RestoreRefused(backup + " is truncated or not a gzip file: " + e.getMessage());
        } catch (IOException e) {
            throw new RestoreRefused("cannot copy " + backup + " beside " + staged.getParent() + ": " + e.getMessage());
        }
        Map<String, Long> rows;
        try (Connection c = SqliteFile.open(staged)) {
            SqliteFile.makeStandalone(c);
            List<String> check = SqliteFile.integrityCheck(c, false);
            if (!SqliteFile.isOk(check)) {
                throw new RestoreRefused(backup + " fails integrity_check: " + String.join("; ", check));
            }
            rows = SqliteFile.rowCounts(c);
        } catch (SQLException e) {
            throw new RestoreRefused(backup + " is not a usable SQLite database: " + e.getMessage());
        }
        if (manifest != null && !manifest.rows().equals(rows)) {
            throw new RestoreRefused(backup + " has rows " + rows + " but its manifest says " + manifest.rows());
        }
        try {
            migrator.verifyFile(store, staged);
        } catch (StoreSchemaException e) {
            throw new RestoreRefused(e.getMessage());
        }
        return rows;
    }

    /** Sets the current file aside and renames the staged one over it; returns where the old one went. */
    private Path swap(Store store, Path staged, Path target, Path aside) {
        DataSource pool = stores.dataSource(store);
        if (pool instanceof HikariDataSource hikari) {
            hikari.close(); // this process's connections must not hold the file (the command ends after the restore)
        }
        Path wal = Path.of(target + "-wal");
        Path shm = Path.of(target + "-shm");
        try {
            if (!Files.exists(target)) {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                return null;
            }
            try (Connection c = SqliteFile.open(target); Statement st = c.createStatement()) {
                SqliteFile.strings(c, "PRAGMA busy_timeout = " + storeProperties.getBusyTimeout().toMillis());
                boolean usable = true;
                try {
                    SqliteFile.strings(c, "PRAGMA wal_checkpoint(TRUNCATE)"); // read to the end: no statement left open
                    SqliteFile.makeStandalone(c);
                    st.execute("BEGIN EXCLUSIVE"); // nobody reads or writes the old file from here to the rename
                } catch (SQLException e) {
                    if (isBusy(e)) {
                        throw new RestoreRefused(target + " is open in another process (the trading system, tradebatch serve?):"
                                + " stop it and restore again. Nothing was changed. (" + e.getMessage() + ")");
                    }
                    usable = false; // the current file is itself broken: it is set aside as it is
                    log.warn("{} cannot be opened cleanly ({}); setting it aside as it is", target, e.getMessage());
                }
                link(target, aside);
                if (Files.exists(wal)) {
                    Files.move(wal, Path.of(aside + "-wal")); // belongs to the old file, never to be applied to the new one
                }
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(shm);
                if (usable) {
                    st.execute("ROLLBACK");
                }
            }
            return aside;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("restore of " + target + " failed before the swap: " + e.getMessage(), e);
        }
    }

    private static boolean isBusy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("locked")
                || m.contains("could not leave WAL mode");
    }

    /** A second name for the current file (no copy); a copy where the file system has no hard links. */
    private static void link(Path target, Path aside) throws IOException {
        try {
            Files.createLink(aside, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(target, aside);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-journal"));
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.getMessage());
        }
    }
}
