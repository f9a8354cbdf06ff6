package com.tradebatch.migration;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads and maps the next keyset page on a thread of its own while the current one is written, so PostgreSQL,
 * the conversion and mapping of its values and the SQLite writes overlap. At most one page is read ahead; an error reading
 * it (strict-decimals included) comes out of {@link #next()} as it was thrown.
 */
final class PagePrefetcher implements AutoCloseable {

    private final SourcePager pager;
    private final ExecutorService thread;
    private Future<List<MigrationRow>> ahead;

    private final TableMigration mapping;
    private final Consumer<MigrationRow> afterMapping;

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
        String table = mapping.source().name();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pg-migrate-read-" + table);
            t.setDaemon(true);
            return t;
        });
        this.ahead = thread.submit(() -> read(after));
    }

    private List<MigrationRow> read(String[] after) {
        List<MigrationRow> page = pager.page(after);
        for (MigrationRow row : page) {
            row.mapped(mapping.map(row));
            afterMapping.accept(row);
        }
        return page;
    }

    /** The next page (empty at the end); the one after it is already being read. */
    List<MigrationRow> next() {
        List<MigrationRow> page;
        try {
            page = ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LegacySourceException("interrupted while reading the legacy database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new LegacySourceException(e.getCause().getMessage(), e.getCause());
        }
        if (page.isEmpty()) {
            ahead = java.util.concurrent.CompletableFuture.completedFuture(page);
        } else {
            String[] last = page.get(page.size() - 1).key();
            ahead = thread.submit(() -> read(last));
        }
        return page;
    }

    @Override
    public void close() {
        ahead.cancel(false);
        thread.shutdown();
        try {
            // the pager's statements must not be closed under a read still running
            thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pager.close();
    }
}
