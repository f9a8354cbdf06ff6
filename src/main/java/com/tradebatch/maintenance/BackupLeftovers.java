package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.tradebatch.store.Store;

/**
 * What interrupted backups (killed, power lost) leave in the backup folder, and its removal. A backup writes, under
 * its reserved name {@code <database>_<ts>[-n]}: the empty manifest (the reservation), the copy
 * {@code .db.partial} or {@code .db.gz.partial} (with {@code -journal}, {@code -wal}, {@code -shm} while SQLite has it
 * open), the gzip {@code .db.gz.tmp}, the backup file itself, then {@code .manifest.json.tmp} moved over the manifest.
 * <p>
 * Whose files they are: a running backup holds an OS lock on its empty manifest from the moment it reserves the name
 * until its manifest is written, and a killed process loses its locks. So an empty manifest that nobody holds is an
 * interrupted backup, whenever it was made, and all files of its name go; one that is held, by another process or by
 * this one, is left alone (its age says nothing: a large backup runs for minutes). A manifest with content is a
 * finished backup and is never touched here. Without a manifest only the work files ({@code .partial*}, {@code .tmp})
 * go, as no running backup is without its manifest; a {@code .db} or {@code .db.gz} without one may have been copied
 * in by hand and stays.
 */
final class BackupLeftovers {

    private static final Logger log = LoggerFactory.getLogger(BackupLeftovers.class);

    private static final Pattern NAME = Pattern.compile("^((?:"
            + Stream.of(Store.values()).map(Store::key).collect(Collectors.joining("|"))
            + ")_\\d{8}-\\d{6}(?:-\\d+)?)(\\.manifest\\.json(?:\\.tmp)?|\\.db(?:\\.gz)?(?:\\.partial(?:-journal|-wal|-shm)?|\\.tmp)?)$");

    private BackupLeftovers() {
    }

    /**
     * Removes the leftovers in {@code dir}; call it holding {@link BackupFolderLock} so that no backup reserves a
     * name meanwhile. Returns the files deleted.
     *
     * @param runningHere manifests of backups running in this process: not even opened (see {@link BackupFiles})
     */
    static List<Path> sweep(Path dir, Set<Path> runningHere) {
        Map<String, List<Path>> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    byName.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> deleted = new ArrayList<>();
        for (Map.Entry<String, List<Path>> backup : byName.entrySet()) {
            Path manifest = dir.resolve(backup.getKey() + BackupManifest.SUFFIX);
            boolean hasManifest = backup.getValue().contains(manifest);
            if (hasManifest && (runningHere.contains(manifest) || !abandoned(manifest))) {
                continue;
            }
            for (Path f : backup.getValue()) {
                if (!f.equals(manifest) && (hasManifest || isWorkFile(f))) {
                    delete(f, deleted);
                }
            }
            if (hasManifest) {
                delete(manifest, deleted); // last: a sweep that is itself interrupted is finished by the next one
            }
        }
        return deleted;
    }

    /** Empty and locked by nobody: its backup was interrupted. */
    private static boolean abandoned(Path manifest) {
        try (FileChannel channel = FileChannel.open(manifest, StandardOpenOption.READ)) {
            if (channel.size() != 0) {
                return false; // a finished backup
            }
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return false; // its backup is running in another process
            }
            // free, but its backup may have finished just now: then the path holds the written manifest
            return Files.size(manifest) == 0;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        } catch (NoSuchFileException finished) {
            return false; // its backup failed and cleaned up meanwhile
        } catch (IOException e) {
            log.warn("cannot tell whether the backup of {} is still running, leaving it: {}", manifest, e.getMessage());
            return false;
        }
    }

    private static boolean isWorkFile(Path f) {
        String name = f.getFileName().toString();
        return name.contains(BackupFiles.PARTIAL) || name.endsWith(BackupFiles.PACKING);
    }

    private static void delete(Path f, List<Path> deleted) {
        try {
            if (Files.deleteIfExists(f)) {
                deleted.add(f);
                log.info("deleted {}, left by an interrupted backup", f);
            }
        } catch (IOException e) {
            log.warn("could not delete {}, left by an interrupted backup: {}", f, e.getMessage());
        }
    }
}
