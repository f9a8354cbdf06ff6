package com.tradebatch.store;

import java.nio.file.Path;

/**
 * Where one store lives.
 *
 * @param source the variable the URL came from, or {@code default}
 * @param url    the URL as configured (shown by {@code health})
 * @param file   the absolute path of the SQLite file
 */
public record StoreLocation(Store store, String source, String url, Path file) {

    /** How messages name the store: {@code batch store /srv/data/batch.db (BATCH_DATABASE_URL)}. */
    public String describe() {
        return store.key() + " store " + file + " (" + source + ")";
    }

    public String jdbcUrl() {
        return "jdbc:sqlite:" + file;
    }
}
