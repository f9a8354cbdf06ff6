package com.tradebatch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Brings each store to the current schema version with Flyway, one history table per database. A database the
 * Python system already created (tables present, no Flyway history) is baselined at version 1 and kept as it
 * is; its tables and columns are then checked against what version 1 creates, so a foreign or older file is
 * refused with the table and column named instead of failing later in a job.
 */
@Component
public class StoreMigrator {

    private static final Logger log = LoggerFactory.getLogger(StoreMigrator.class);
    static final String HISTORY_TABLE = "flyway_schema_history";
    /** The version an adopted file is baselined at: the Python system's schema, which V1 recreates. */
    private static final String BASELINE = "1";
    /** Long enough for another process to build an index over a large adopted file. */
    private static final Duration MIGRATION_LOCK_WAIT = Duration.ofMinutes(10);

    private final Stores stores;
    private final StoreProperties props;
    private final Map<Store, MigrationOutcome> done = new EnumMap<>(Store.class);

    public StoreMigrator(Stores stores, StoreProperties props) {
        this.stores = stores;
        this.props = props;
    }

    public record MigrationOutcome(Store store, String version, int applied, boolean adopted) {
    }

    /** Migrates every store; throws naming each store that failed. */
    public synchronized Map<Store, MigrationOutcome> migrateAll() {
        List<String> failures = new ArrayList<>();
        for (Store store : Store.values()) {
            try {
                migrate(store);
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new StoreSchemaException(String.join("\n", failures));
        }
        return Map.copyOf(done);
    }

    public synchronized MigrationOutcome migrate(Store store) {
        MigrationOutcome outcome = done.get(store);
        if (outcome != null) {
            return outcome;
        }
        StoreLocation location = stores.location(store);
        DataSource ds = stores.dataSource(store);
        outcome = currentWithoutFlyway(store, location, ds);
        if (outcome != null) {
            log.info("{} store {}: schema version {} is current (Flyway not run)", store.key(), location.file(),
                    outcome.version());
            done.put(store, outcome);
            return outcome;
        }
        // one process at a time per store; the one that waited finds the store at the current version
        try (MigrationLock lock = MigrationLock.acquire(location, MIGRATION_LOCK_WAIT)) {
            StoreFileCheck.probe(location, ds);
            // version 1 first: that baselines a file the Python system created, whose tables must be checked
            // before a later version (an index on one of them, say) touches them
            MigrateResult first = flyway(store, ds, MigrationVersion.fromVersion(BASELINE)).migrate();
            boolean adopted = isBaselined(ds);
            if (adopted) {
                // a file Flyway created has the schema by construction; one it adopted must be checked
                verifySchema(store, ds, location);
            }
            MigrateResult rest = flyway(store, ds, MigrationVersion.LATEST).migrate();
            String version = currentVersion(ds);
            outcome = new MigrationOutcome(store, version, first.migrationsExecuted + rest.migrationsExecuted, adopted);
            log.info("{} store {}: schema version {} ({} migrations applied{})", store.key(), location.file(), version,
                    outcome.applied(), adopted ? ", adopted from an existing database" : "");
            done.put(store, outcome);
            return outcome;
        } catch (StoreSchemaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreSchemaException(location.describe() + ": cannot be opened or migrated: " + rootMessage(e), e);
        }
    }

    private static final String HISTORY = """
            SELECT version, type, success FROM %s WHERE version IS NOT NULL ORDER BY installed_rank
            """.formatted(HISTORY_TABLE);

    /**
     * The outcome without Flyway when the store's history already holds every migration on the classpath, all
     * successful: then there is nothing for Flyway to do, and configuring it, scanning its migrations and
     * validating four stores would cost every command some hundreds of milliseconds. One query over a connection
     * of its own (outside the pool, as the probe); anything else (no file yet, no history, a failed or missing
     * migration, not a database) returns null and the store takes the locked Flyway path, which says what is
     * wrong. What this skips is Flyway's checksum validation of migrations already applied; a new migration on
     * the classpath brings it back.
     */
    private MigrationOutcome currentWithoutFlyway(Store store, StoreLocation location, DataSource ds) {
        if (!Files.isRegularFile(location.file())) {
            return null;
        }
        DataSource direct = ds instanceof HikariDataSource h && h.getDataSource() != null ? h.getDataSource() : ds;
        Set<MigrationVersion> applied = new HashSet<>();
        MigrationVersion baseline = null;
        MigrationVersion latest = null;
        try (Connection c = direct.getConnection(); ResultSet rs = c.createStatement().executeQuery(HISTORY)) {
            while (rs.next()) {
                if (!rs.getBoolean(3)) {
                    return null;
                }
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if ("BASELINE".equals(rs.getString(2))) {
                    baseline = v;
                } else {
                    applied.add(v);
                }
                latest = latest == null || v.compareTo(latest) > 0 ? v : latest;
            }
        } catch (SQLException | RuntimeException e) {
            return null;
        }
        List<MigrationVersion> onClasspath = migrationVersions(store);
        if (latest == null || onClasspath.isEmpty()) {
            return null;
        }
        for (MigrationVersion v : onClasspath) {
            boolean coveredByBaseline = baseline != null && v.compareTo(baseline) <= 0;
            if (!coveredByBaseline && !applied.contains(v)) {
                return null;
            }
        }
        return new MigrationOutcome(store, latest.getVersion(), 0, baseline != null);
    }

    private static final Map<Store, List<MigrationVersion>> MIGRATION_VERSIONS = new ConcurrentHashMap<>();

    /** The versions of the store's migrations on the classpath ({@code V<version>__<description>.sql}). */
    static List<MigrationVersion> migrationVersions(Store store) {
        return MIGRATION_VERSIONS.computeIfAbsent(store, s -> {
            if (s == Store.BATCH) {
                return Arrays.stream(BatchSchemaMigration.all()).map(JavaMigration::getVersion).toList();
            }
            try {
                List<MigrationVersion> versions = new ArrayList<>();
                var resolver = new PathMatchingResourcePatternResolver(StoreMigrator.class.getClassLoader());
                // SQL versions and Java ones (market V3) side by side in the store's location, as Flyway finds them
                for (String kind : List.of("sql", "class")) {
                    for (Resource r : resolver.getResources(s.migrationLocation().replace("classpath:", "classpath*:")
                            + "/V*__*." + kind)) {
                        String name = r.getFilename();
                        versions.add(MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')));
                    }
                }
                return List.copyOf(versions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Flyway flyway(Store store, DataSource ds, MigrationVersion target) {
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(ds)
                .table(HISTORY_TABLE)
                .target(target)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE)
                .baselineDescription("adopted existing " + store.key() + " database")
                .loggers("slf4j");
        if (store == Store.BATCH) {
            config.locations(new String[0]).javaMigrations(BatchSchemaMigration.all());
        } else {
            config.locations(store.migrationLocation());
        }
        return config.load();
    }

    /**
     * Checks that a database file that is not (yet) the store, such as a backup about to be restored, has every
     * table and column of the store's schema. Reads the file only; throws {@link StoreSchemaException} naming
     * what is missing.
     */
    public synchronized void verifyFile(Store store, Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        verifySchema(store, ds, new StoreLocation(store, "backup", file.toString(), file));
    }

    /** Every table and column that the migrations create must be there (extra ones are allowed). */
    private void verifySchema(Store store, DataSource ds, StoreLocation location) {
        Map<String, Set<String>> expected = referenceSchema(store);
        Map<String, Set<String>> actual = columns(ds);
        List<String> problems = new ArrayList<>();
        expected.forEach((table, cols) -> {
            Set<String> have = actual.get(table);
            if (have == null) {
                problems.add("table " + table + " is missing");
            } else {
                cols.stream().filter(c -> !have.contains(c))
                        .forEach(c -> problems.add("table " + table + " lacks column " + c));
            }
        });
        if (!problems.isEmpty()) {
            throw new StoreSchemaException(store.key() + " store " + location.file() + " (" + location.source()
                    + ") does not have the trading system's schema: " + String.join("; ", problems));
        }
    }

    /** A table or index the migrations create, and the table it belongs to (itself, for a table). */
    public record SchemaObject(String type, String name, String table) {
    }

    /** What a scratch database built from a store's migrations holds. */
    private record Reference(Map<String, Set<String>> columns, List<SchemaObject> objects) {
    }

    private static final String OBJECTS = """
            SELECT type, name, tbl_name FROM sqlite_master
            WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%%' AND tbl_name <> '%s'
            ORDER BY type DESC, name
            """.formatted(HISTORY_TABLE);

    private final Map<Store, Reference> referenceCache = new EnumMap<>(Store.class);

    /**
     * The tables and indexes the store's migrations create (the schema history and SQLite's own left out): what
     * a dump of the store may carry.
     */
    public synchronized List<SchemaObject> referenceObjects(Store store) {
        return reference(store).objects();
    }

    /** The tables and columns the migrations create. */
    private Map<String, Set<String>> referenceSchema(Store store) {
        return reference(store).columns();
    }

    /** Built once per store in a scratch database from the migrations themselves, not from a hand list. */
    private Reference reference(Store store) {
        return referenceCache.computeIfAbsent(store, s -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("tradebatch-schema-");
                StoreLocation scratch = new StoreLocation(s, "reference", "reference", dir.resolve(s.defaultFileName()));
                try (HikariDataSource ds = SqliteDataSourceFactory.create(scratch, props)) {
                    // objects of version 1 too: a later version may drop one (market V3, a duplicate index), and a
                    // dump of an older or adopted file still carries it
                    flyway(s, ds, MigrationVersion.fromVersion(BASELINE)).migrate();
                    Set<SchemaObject> objects = new LinkedHashSet<>(objects(ds));
                    flyway(s, ds, MigrationVersion.LATEST).migrate();
                    objects.addAll(objects(ds));
                    return new Reference(columns(ds), List.copyOf(objects));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(dir);
            }
        });
    }

    private static List<SchemaObject> objects(DataSource ds) {
        List<SchemaObject> objects = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(OBJECTS)) {
            while (rs.next()) {
                objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return List.copyOf(objects);
        } catch (SQLException e) {
            throw new StoreSchemaException(e.getMessage(), e);
        }
    }

    static Map<String, Set<String>> columns(DataSource ds) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        try (Connection c = ds.getConnection();
                ResultSet tables = c.createStatement().executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '"
                                + HISTORY_TABLE + "'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                Set<String> cols = new LinkedHashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
                result.put(table, cols);
            }
            return result;
        } catch (SQLException e) {
            throw new StoreSchemaException(e.getMessage(), e);
        }
    }

    private static String currentVersion(DataSource ds) {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT version FROM " + HISTORY_TABLE
                        + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        } catch (SQLException e) {
            throw new StoreSchemaException(e.getMessage(), e);
        }
    }

    private static boolean isBaselined(DataSource ds) {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM " + HISTORY_TABLE + " WHERE type = 'BASELINE'")) {
            return rs.next() && rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new StoreSchemaException(e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder in the temp directory: nothing to lose
        }
    }
}
