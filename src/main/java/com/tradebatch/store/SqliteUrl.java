package com.tradebatch.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the database URL forms the trading system uses: SQLAlchemy's {@code sqlite:///relative/x.db} and
 * {@code sqlite:////absolute/x.db}, and JDBC's {@code jdbc:sqlite:path}. Relative paths resolve against
 * {@code baseDir} (the working directory).
 */
public final class SqliteUrl {

    private SqliteUrl() {
    }

    /** True when the value looks like a PostgreSQL URL (the legacy database), in either form. */
    public static boolean isPostgres(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("postgresql:") || u.startsWith("postgres:") || u.startsWith("jdbc:postgresql:")
                || u.startsWith("postgresql+");
    }

    public static boolean isSqlite(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("sqlite:") || u.startsWith("sqlite+") || u.startsWith("jdbc:sqlite:");
    }

    /**
     * The file a SQLite URL names.
     *
     * @param variable where the URL came from, for the error message
     */
    public static Path toPath(String variable, String url, Path baseDir) {
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        String path;
        if (lower.startsWith("jdbc:sqlite:")) {
            path = u.substring("jdbc:sqlite:".length());
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
        } else if (lower.startsWith("sqlite:") || lower.startsWith("sqlite+")) {
            // SQLAlchemy: sqlite:///x.db is relative, sqlite:////x.db absolute; a driver suffix (sqlite+pysqlite) is allowed
            int scheme = u.indexOf("://");
            if (scheme < 0 || !u.startsWith("/", scheme + 3)) {
                throw refused(variable, url, "a SQLite URL needs three slashes: sqlite:///./data/x.db or sqlite:////abs/x.db");
            }
            path = u.substring(scheme + 4);
        } else {
            throw refused(variable, url, "not a SQLite URL (expected sqlite:///path or jdbc:sqlite:path)");
        }
        if (path.contains("?")) {
            throw refused(variable, url, "URL options are not supported: tradebatch sets the connection PRAGMAs itself");
        }
        if (path.isBlank() || path.equals(":memory:") || path.startsWith(":memory:") || path.contains("mode=memory")) {
            throw refused(variable, url, "a store must be a file on disk, not an in-memory database");
        }
        try {
            Path p = Path.of(path);
            return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize().toAbsolutePath();
        } catch (InvalidPathException e) {
            throw refused(variable, url, "invalid path: " + UrlRedaction.redact(e.getMessage()));
        }
    }

    /** The URL is printed redacted: a refused URL is as likely as any to hold a password. */
    static StoreConfigurationException refused(String variable, String url, String why) {
        return new StoreConfigurationException(variable + "=" + UrlRedaction.redact(url.trim()) + " is refused: " + why);
    }
}
