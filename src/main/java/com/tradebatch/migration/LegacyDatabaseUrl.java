package com.tradebatch.migration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The legacy PostgreSQL URL, taken apart: {@code postgresql://user:pass@host:port/db?opts} (also {@code postgres://},
 * SQLAlchemy's {@code postgresql+psycopg2://}) or {@code jdbc:postgresql://host:port/db?user=u&password=p}.
 * The password is kept apart from everything that can be printed: {@link #toString()} and {@link #display()} never
 * contain it, and {@link #jdbcUrl()} carries no credentials (they go to the driver as properties).
 */
public final class LegacyDatabaseUrl {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> options;

    private LegacyDatabaseUrl(String host, int port, String database, String user, String password,
            Map<String, String> options) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.options = options;
    }

    /**
     * @param variable    where the URL came from, for messages (the URL itself is never echoed: it may hold a password)
     * @param defaultUser the user when the URL names none
     */
    public static LegacyDatabaseUrl parse(String variable, String url, String defaultUser) {
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            u = u.substring(5);
            lower = lower.substring(5);
        }
        int scheme = u.indexOf("://");
        String schemeName = scheme < 0 ? "" : lower.substring(0, scheme);
        if (scheme < 0 || !(schemeName.equals("postgresql") || schemeName.equals("postgres")
                || schemeName.startsWith("postgresql+"))) {
            throw new LegacySourceException(variable + " is not a PostgreSQL URL (expected postgresql://user@host:port/db"
                    + " or jdbc:postgresql://host:port/db)");
        }
        String rest = u.substring(scheme + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String authority = rest;
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            authority = rest.substring(0, slash);
            path = rest.substring(slash + 1);
        }
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        String host = authority;
        int port = 5432;
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && authority.indexOf(']', portColon) < 0) {
            host = authority.substring(0, portColon);
            try {
                port = Integer.parseInt(authority.substring(portColon + 1));
            } catch (NumberFormatException e) {
                throw new LegacySourceException(variable + ": the port is not a number");
            }
        }
        if (host.contains(",")) {
            throw new LegacySourceException(variable + ": several hosts are not supported");
        }
        if (host.isBlank()) {
            host = "localhost";
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> options.put(key, value);
            }
        }
        if (user == null || user.isBlank()) {
            user = defaultUser;
        }
        String database = decode(path);
        if (database.isBlank()) {
            database = user;
        }
        return new LegacyDatabaseUrl(host, port, database, user, password == null || password.isEmpty() ? null : password,
                options);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public LegacyDatabaseUrl withPassword(String newPassword) {
        return new LegacyDatabaseUrl(host, port, database, user, newPassword, options);
    }

    /** The driver URL: host, port, database and the non-secret options; never user or password. */
    public String jdbcUrl() {
        String opts = options.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (opts.isEmpty() ? "" : "?" + opts);
    }

    /** Credentials for the driver. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "tradebatch pg-migrate");
        return p;
    }

    /** What may be printed: {@code postgresql://user@host:port/db}, with no password whatever its origin. */
    public String display() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }
}
