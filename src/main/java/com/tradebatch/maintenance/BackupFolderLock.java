package com.tradebatch.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * A short lock on the backup folder, across processes, around reserving a backup name and around sweeping the
 * leftovers of interrupted backups: without it a sweep could find a just-created manifest in the instant before
 * its backup locks it. {@code .backup.lock} stays in the folder (deleting a lock file races with its users).
 */
final class BackupFolderLock {

    static final String NAME = ".backup.lock";

    /** One channel at a time in this process: closing any channel of a file drops all this process's locks on it. */
    private static final Object IN_THIS_PROCESS = new Object();

    private BackupFolderLock() {
    }

    static <T> T whileHeld(Path dir, Supplier<T> action) {
        Path file = dir.resolve(NAME);
        synchronized (IN_THIS_PROCESS) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot lock " + file + ": " + e.getMessage(), e));
            }
        }
    }
}
