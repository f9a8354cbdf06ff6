package com.tradebatch.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.Driver;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.tradebatch.store.SqliteUrl;
import com.tradebatch.store.StoreLocations;
import com.tradebatch.store.UrlRedaction;

/**
 * Where the legacy PostgreSQL database is: {@code LEGACY_DATABASE_URL}, else {@code DATABASE_URL} when that holds a
 * PostgreSQL URL. The password comes from the URL, else {@code PGPASSWORD}, else the password file
 * ({@code PGPASSFILE} or {@code ~/.pgpass}). Resolved when a job asks, so commands that never touch the legacy
 * database do not need it. Nothing this class prints or throws contains the password.
 */
@Component
public class LegacySource {

    public static final String VARIABLE = "LEGACY_DATABASE_URL";

    private final Environment env;
    private volatile LegacyDatabaseUrl url;

    public LegacySource(Environment env) {
        this.env = env;
    }

    public LegacyDatabaseUrl url() {
        LegacyDatabaseUrl resolved = url;
        if (resolved == null) {
            resolved = resolve();
            url = resolved;
        }
        return resolved;
    }

    private LegacyDatabaseUrl resolve() {
        String variable = VARIABLE;
        String raw = blankToNull(env.getProperty(VARIABLE));
        if (raw == null) {
            variable = StoreLocations.LEGACY_VARIABLE;
            raw = StoreLocations.legacyPostgresUrl(env::getProperty).orElse(null);
        }
        if (raw == null) {
            throw new LegacySourceException("no legacy database: set " + VARIABLE
                    + " (or DATABASE_URL) to postgresql://user@host:port/db");
        }
        if (!SqliteUrl.isPostgres(raw)) {
            throw new LegacySourceException(variable + " is not a PostgreSQL URL (expected postgresql://user@host:port/db)");
        }
        String defaultUser = firstNonBlank(env.getProperty("PGUSER"), System.getProperty("user.name"), "postgres");
        LegacyDatabaseUrl parsed = LegacyDatabaseUrl.parse(variable, raw, defaultUser);
        if (parsed.password().isPresent()) {
            return parsed;
        }
        String fromEnv = blankToNull(env.getProperty("PGPASSWORD"));
        if (fromEnv != null) {
            return parsed.withPassword(fromEnv);
        }
        String passFile = blankToNull(env.getProperty("PGPASSFILE"));
        Path file = passFile != null ? Path.of(passFile) : Path.of(System.getProperty("user.home"), ".pgpass");
        return PgPassFile.lookup(file, parsed.host(), parsed.port(), parsed.database(), parsed.user())
                .map(parsed::withPassword).orElse(parsed);
    }

    /** A new connection to the legacy database (autocommit, read only). */
    public Connection connect() {
        LegacyDatabaseUrl u = url();
        try {
            Connection c = new Driver().connect(u.jdbcUrl(), u.connectionProperties());
            if (c == null) {
                throw new LegacySourceException("no PostgreSQL driver accepts " + u.display());
            }
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            throw new LegacySourceException("cannot connect to the legacy database " + u.display() + ": "
                    + redact(e.getMessage()));
        }
    }

    /** Removes the password from a text that may have picked it up (a driver message, say). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        LegacyDatabaseUrl u = url;
        return UrlRedaction.redact(text, u == null ? null : u.password().orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
