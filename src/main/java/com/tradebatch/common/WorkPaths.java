package com.tradebatch.common;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.tradebatch.store.StoreProperties;

/**
 * The folders tradebatch writes besides the databases, resolved like the store paths: relative to the working
 * directory (or {@code tradebatch.store.base-dir}).
 */
@Component
public class WorkPaths {

    private final Path baseDir;
    private final String rejects;

    public WorkPaths(StoreProperties stores, @Value("${tradebatch.rejects-dir}") String rejects) {
        this.baseDir = stores.getBaseDir();
        this.rejects = rejects;
    }

    public Path resolve(String configured) {
        Path p = Path.of(configured);
        return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize().toAbsolutePath();
    }

    public Path rejectsDir() {
        return resolve(rejects);
    }

    public Path baseDir() {
        return baseDir;
    }
}
