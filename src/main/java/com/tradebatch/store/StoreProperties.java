package com.tradebatch.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradebatch.store.*} in application.yml (where the defaults live): the connection settings shared by all
 * four stores.
 */
@ConfigurationProperties("tradebatch.store")
public class StoreProperties {

    /** What relative store paths resolve against; the working directory unless set. */
    private Path baseDir;

    /** How long a write waits for another writer's lock before failing with SQLITE_BUSY (why 10 min: application.yml). */
    private Duration busyTimeout;

    /** SQLite page cache per connection, in KiB (written as a negative cache_size). */
    private int cacheSizeKib;

    /** Connections per store: WAL lets readers run beside the one writer SQLite allows. */
    private int poolSize;

    /** How long a thread waits for a free pooled connection (not for SQLite's lock: that is the busy timeout). */
    private Duration connectionTimeout;

    /** Default URL of each store when its variable is unset. */
    private Map<Store, String> defaults = new EnumMap<>(Store.class);

    public Path getBaseDir() {
        return baseDir;
    }

    public void setBaseDir(Path baseDir) {
        this.baseDir = baseDir;
    }

    public Duration getBusyTimeout() {
        return busyTimeout;
    }

    public void setBusyTimeout(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }

    public int getCacheSizeKib() {
        return cacheSizeKib;
    }

    public void setCacheSizeKib(int cacheSizeKib) {
        this.cacheSizeKib = cacheSizeKib;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public Map<Store, String> getDefaults() {
        return defaults;
    }

    public void setDefaults(Map<Store, String> defaults) {
        this.defaults = defaults;
    }
}
