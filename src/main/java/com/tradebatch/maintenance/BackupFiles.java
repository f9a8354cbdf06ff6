package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.tradebatch.common.WorkPaths;
import com.tradebatch.store.Store;

/**
 * The backup folder: names {@code <database>_<yyyyMMdd-HHmmss>[-n].<ext>} (UTC, never overwriting: a second
 * backup in the same second gets {@code -2}), the verified backups of a database, retention, and the leftovers
 * of interrupted backups.
 */
@Component
public class BackupFiles {

    private static final Logger log = LoggerFactory.getLogger(BackupFiles.class);
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Suffix of the copy while it is written and verified. */
    static final String PARTIAL = ".partial";
    /** Suffix of the gzip while it is written. */
    static final String PACKING = ".tmp";

    /**
     * Manifests reserved by backups running in this process. The leftover sweep never opens them: closing any
     * channel of a file would drop this process's lock on it, and another process could then take it for a leftover.
     */
    private static final Set<Path> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Clock clock;

    @Autowired
    public BackupFiles(BackupProperties backup, WorkPaths paths) {
        this(paths.resolve(backup.dir()), Clock.systemUTC());
    }

    BackupFiles(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public static String stamp(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(STAMP);
    }

    /**
     * A reserved backup: its manifest file exists (empty) so no other backup takes the name, and this process holds
     * an OS lock on it until {@link #close()}: that lock is what tells a later sweep the backup is still running
     * (a killed process loses it). Close it after the manifest is written or the backup's files are deleted.
     */
    public static final class Reservation implements AutoCloseable {
        private final Path file;
        private final Path manifest;
        private final FileChannel lock;

        private Reservation(Path file, Path manifest, FileChannel lock) {
            this.file = file;
            this.manifest = manifest;
            this.lock = lock;
        }

        /** The backup file, {@code .db} or {@code .db.gz}. */
        public Path file() {
            return file;
        }

        public Path manifest() {
            return manifest;
        }

        /** Where the copy is written and verified before it takes the backup's name. */
        public Path partial() {
            return file.resolveSibling(file.getFileName() + PARTIAL);
        }

        /** Where the gzip is written before it takes the backup's name. */
        public Path packing() {
            return file.resolveSibling(file.getFileName() + PACKING);
        }

        @Override
        public void close() {
            RUNNING_HERE.remove(manifest);
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("could not release the lock on {}: {}", manifest, e.getMessage());
            }
        }
    }

    /** Reserves the next free backup name of a database, {@code .db} or {@code .db.gz}, and locks it. */
    public Reservation reserveBackup(Store store, boolean gzip) {
        createDir();
        String stamp = stamp(clock);
        return BackupFolderLock.whileHeld(dir, () -> {
            for (int n = 1;; n++) {
                String base = store.key() + "_" + stamp + (n == 1 ? "" : "-" + n);
                Path manifest = dir.resolve(base + BackupManifest.SUFFIX);
                if (Files.exists(dir.resolve(base + ".db")) || Files.exists(dir.resolve(base + ".db.gz"))) {
                    continue;
                }
                FileChannel channel;
                try {
                    // atomic: the name is ours or another backup's
                    channel = FileChannel.open(manifest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    continue; // same second, another backup: next number
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                try {
                    channel.lock();
                } catch (IOException | RuntimeException e) {
                    closeQuietly(channel);
                    deleteQuietly(manifest);
                    throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                }
                RUNNING_HERE.add(manifest);
                return new Reservation(dir.resolve(base + (gzip ? ".db.gz" : ".db")), manifest, channel);
            }
        });
    }

    /**
     * Deletes what interrupted backups left in the folder (see {@link BackupLeftovers}); returns what was deleted.
     * Backups running now, here or in another process, keep their files.
     */
    public List<Path> removeLeftovers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return BackupFolderLock.whileHeld(dir, () -> BackupLeftovers.sweep(dir, RUNNING_HERE));
    }

    /** Creates the next free file {@code <name>_<ts>[-n]<suffix>} (for SQL dumps) and returns it, empty. */
    public Path createFile(String name, String suffix) {
        createDir();
        String stamp = stamp(clock);
        for (int n = 1;; n++) {
            Path file = dir.resolve(name + "_" + stamp + (n == 1 ? "" : "-" + n) + suffix);
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                // next number
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A verified backup: its manifest and the file it describes. */
    public record Backup(Path manifestFile, Path file, BackupManifest manifest) {
    }

    /** Verified backups of a database whose file is present, newest first. */
    public List<Backup> verified(Store store) {
        List<Backup> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(dir, store.key() + "_*" + BackupManifest.SUFFIX)) {
            for (Path m : manifests) {
                if (Files.size(m) == 0) {
                    continue; // reserved by a backup in progress (or one that failed): not a backup
                }
                BackupManifest manifest;
                try {
                    manifest = BackupManifest.read(m);
                } catch (RuntimeException unreadable) {
                    log.warn("ignoring unreadable manifest {}: {}", m, unreadable.getMessage());
                    continue;
                }
                Path file = dir.resolve(manifest.file());
                if (manifest.verified() && store.key().equals(manifest.database()) && Files.exists(file)) {
                    result.add(new Backup(m, file, manifest));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(Comparator.comparing((Backup b) -> b.manifest().created())
                .thenComparing(b -> b.file().getFileName().toString()).reversed());
        return result;
    }

    /** Keeps the newest {@code keep} verified backups of a database (0 keeps all); returns what was deleted. */
    public List<Path> prune(Store store, int keep) {
        List<Path> deleted = new ArrayList<>();
        if (keep <= 0) {
            return deleted;
        }
        List<Backup> backups = verified(store);
        for (Backup old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(old.file());
                Files.deleteIfExists(old.manifestFile());
                deleted.add(old.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("could not close {}: {}", channel, e.getMessage());
        }
    }

    private void createDir() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot create the backup folder " + dir + ": " + e, e));
        }
    }
}
