package com.tradebatch.migration;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads and maps keyset pages on a thread of its own while the current one is written, so PostgreSQL, the conversion
 * and mapping of its values and the SQLite writes overlap. Up to {@link #PAGES_AHEAD} pages wait ready, so a page
 * that is slow to come (a PostgreSQL round trip, a garbage collection) does not stall the writer. An error reading
 * (strict-decimals included) comes out of {@link #next()} as it was thrown, in its place among the pages.
 */
final class PagePrefetcher implements AutoCloseable {

    static final int PAGES_AHEAD = 2;
    /** How often a wait for a page looks whether the read-ahead thread is still there. */
    private static final long WAIT_CHECK_MILLIS = 500;

    /** A page, or the error that ended the reading, or the end (an empty page). */
    private record Ahead(List<MigrationRow> page, RuntimeException error) {
    }

    private final SourcePager pager;
    private final TableMigration mapping;
    private final Consumer<MigrationRow> afterMapping;
    private final BlockingQueue<Ahead> ready = new ArrayBlockingQueue<>(PAGES_AHEAD);
    private final Thread thread;
    private boolean ended;

    /** @param mapping maps each row on the read-ahead thread too, so that work overlaps the writes as well */
    PagePrefetcher(SourcePager pager, TableMigration mapping, String[] after) {
        this(pager, mapping, after, row -> {
        });
    }

    /** @param afterMapping more per-row work for the read-ahead thread (the verification hashes rows there) */
    PagePrefetcher(SourcePager pager, TableMigration mapping, String[] after, Consumer<MigrationRow> afterMapping) {
        this.pager = pager;
        this.mapping = mapping;
        this.afterMapping = afterMapping;
        this.thread = new Thread(() -> readAll(after), "pg-migrate-read-" + mapping.source().name());
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll(String[] after) {
        try {
            String[] last = after;
            while (true) {
                Ahead next;
                try {
                    List<MigrationRow> page = pager.page(last);
                    for (MigrationRow row : page) {
                        row.mapped(mapping.map(row));
                        afterMapping.accept(row);
                    }
                    next = new Ahead(page, null);
                } catch (RuntimeException e) {
                    next = new Ahead(List.of(), e);
                }
                ready.put(next);
                if (next.page().isEmpty()) {
                    return;
                }
                last = next.page().get(next.page().size() - 1).key();
            }
        } catch (InterruptedException e) {
            // closed before the end of the table
        }
    }

    /** The next page (empty at the end); the ones after it are already being read. */
    List<MigrationRow> next() {
        if (ended) {
            return List.of();
        }
        Ahead next;
        try {
            next = take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LegacySourceException("interrupted while reading the legacy database", e);
        }
        if (next.error() != null) {
            ended = true;
            throw next.error();
        }
        ended = next.page().isEmpty();
        return next.page();
    }

    /**
     * Waits for the next page, but not forever: a read-ahead thread that ended without posting one (closed from
     * another thread, as Spring Batch's stop can close the step scope; or ended by an Error) ends the read.
     */
    private Ahead take() throws InterruptedException {
        while (true) {
            Ahead next = ready.poll(WAIT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            if (!thread.isAlive()) {
                next = ready.poll(); // what it put just before it ended
                if (next != null) {
                    return next;
                }
                throw new LegacySourceException("the read-ahead thread of " + mapping.source().name()
                        + " ended without a page (closed while the step was reading)");
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            // the pager's statements must not be closed under a read still running
            thread.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pager.close();
    }
}
