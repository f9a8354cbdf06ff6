package com.tradebatch.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one process at a time migrate a store: an OS file lock on {@code <store file>.migrate.lock} beside it.
 * Without it, commands started together on a fresh folder race to create the same tables and one of them fails
 * with "database is locked" (a snapshot upgrade SQLite's busy timeout cannot wait out). The others wait, then
 * find the store migrated. The lock file stays: deleting it would let a late process lock a file nobody else sees.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** File locks belong to the whole JVM: threads (or two application contexts) of one process queue here first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private MigrationLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(StoreLocation location) {
        return Path.of(location.file() + ".migrate.lock");
    }

    /** Waits up to {@code wait} for the store's migration lock; throws naming the store and lock file after that. */
    static MigrationLock acquire(StoreLocation location, Duration wait) {
        Path file = lockFile(location);
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(location, file, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreSchemaException(location.describe() + ": interrupted while waiting to migrate it", e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean said = false;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new MigrationLock(local, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(location, file, wait);
                }
                if (!said) {
                    log.info("{}: another process is migrating it, waiting (lock {})", location.describe(), file);
                    said = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            release(local, channel);
            throw new StoreSchemaException(location.describe() + ": cannot lock " + file + " for its migration: " + e, e);
        } catch (InterruptedException e) {
            release(local, channel);
            Thread.currentThread().interrupt();
            throw new StoreSchemaException(location.describe() + ": interrupted while waiting to migrate it", e);
        } catch (RuntimeException e) {
            release(local, channel);
            throw e;
        }
    }

    private static StoreSchemaException timedOut(StoreLocation location, Path file, Duration wait) {
        return new StoreSchemaException(location.describe() + ": another process has been migrating it for more than "
                + wait.toSeconds() + " s (lock " + file + ")");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        release(local, channel);
    }

    private static void release(ReentrantLock local, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the OS drops the lock with the descriptor
        } finally {
            local.unlock();
        }
    }
}
