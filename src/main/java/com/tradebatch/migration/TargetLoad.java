package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How one table step loads its target table, decided when the step first starts and kept in its execution context
 * for a restart.
 * <p>
 * Whether the target table is <em>empty</em> when the step first starts is saved: then every row in it comes from
 * this load, and the verification can compare whole-table checksums ({@link LoadChecksums}).
 * <p>
 * With {@code tradebatch.migration.drop-indexes=true}, a load into an empty table is a bulk load, as
 * {@code pg_restore} does it: the table's indexes are dropped (their SQL kept in the step's context), the rows
 * written without them, and the indexes built again afterwards by {@link IndexBuildTasklet}, the unique ones last.
 * Where the upsert key is a unique index (candles: {@code idx_unique_candle}) the rows go in with a plain
 * {@code INSERT}; where it is the primary key, with the upsert as always. A plain insert cannot find a row again, so
 * a restart first deletes every row past the saved position: the table started empty and SQLite numbers its rows
 * 1, 2, 3..., so the rows the saved position covers are exactly rowid 1..n, and whatever landed after it (a chunk
 * committed just before a kill, whose position was not saved) goes and is read again.
 * <p>
 * Into a table that already holds rows, nothing changes: the upsert with every index in place.
 */
public class TargetLoad implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TargetLoad.class);

    static final String MODE = "pg-migrate.load";
    static final String INDEX = "pg-migrate.dropped-index.";
    static final String INDEX_SIZE = "pg-migrate.dropped-index.size";

    /** How the rows are written. */
    public enum Mode {
        /** Into a table that held rows: {@code INSERT ... ON CONFLICT DO UPDATE}, indexes in place. */
        UPSERT,
        /** Into an empty table, indexes in place (drop-indexes=false): the upsert. */
        EMPTY_UPSERT,
        /** Into an empty table, its secondary indexes dropped; the upsert on its primary key. */
        BULK_UPSERT,
        /** Into an empty table, every index dropped; a plain {@code INSERT}. */
        BULK_INSERT;

        /** The table was empty when the load started: every row in it comes from this load. */
        boolean startedEmpty() {
            return this != UPSERT;
        }

        boolean bulk() {
            return this == BULK_UPSERT || this == BULK_INSERT;
        }
    }

    private final String table;
    private final boolean selected;
    private final MigrationTables tables;
    private final DataSource target;
    private final JobRepository repository;
    private final boolean dropIndexes;
    private Mode mode = Mode.UPSERT;

    public TargetLoad(String table, boolean selected, MigrationTables tables, DataSource target, JobRepository repository,
            boolean dropIndexes) {
        this.table = table;
        this.selected = selected;
        this.tables = tables;
        this.target = target;
        this.repository = repository;
        this.dropIndexes = dropIndexes;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public void beforeStep(StepExecution step) {
        TableMigration migration = selected ? tables.get(table).orElse(null) : null;
        if (migration == null) {
            return;
        }
        ExecutionContext context = step.getExecutionContext();
        String target = migration.mapping().target();
        try (Connection c = this.target.getConnection()) {
            if (context.containsKey(MODE)) {
                mode = Mode.valueOf(context.getString(MODE));
                if (mode.bulk()) {
                    // a kill may have come between saving the mode and dropping the last index
                    drop(c, indexNames(context));
                }
                if (mode == Mode.BULK_INSERT) {
                    long saved = context.getLong(LegacyTableReader.ROWS, 0L);
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SqlNames.quote(target) + " WHERE rowid > ?")) {
                        ps.setLong(1, saved);
                        int removed = ps.executeUpdate();
                        if (removed > 0) {
                            log.info("pg-migrate {}: {} row(s) of {} past the saved position removed, they are read again",
                                    table, removed, target);
                        }
                    }
                }
                return;
            }
            mode = decide(c, migration);
            context.putString(MODE, mode.name());
            List<String[]> indexes = mode.bulk() ? indexes(c, target) : List.of();
            context.putInt(INDEX_SIZE, indexes.size());
            for (int i = 0; i < indexes.size(); i++) {
                context.putString(INDEX + i, indexes.get(i)[0] + '\n' + indexes.get(i)[1]);
            }
            // saved before anything is dropped: a restart must know which indexes to build
            repository.updateExecutionContext(step);
            drop(c, indexes.stream().map(ix -> ix[0]).toList());
            if (mode.bulk()) {
                log.info("pg-migrate {}: {} is empty, loading it without its indexes ({}), {}", table, target,
                        String.join(", ", indexes.stream().map(ix -> ix[0]).toList()),
                        mode == Mode.BULK_INSERT ? "plain INSERT" : "upsert on the primary key");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("preparing " + target + " for " + table + ": " + e.getMessage(), e);
        }
    }

    private Mode decide(Connection c, TableMigration migration) throws SQLException {
        String target = migration.mapping().target();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + SqlNames.quote(target) + ")")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return Mode.UPSERT;
            }
        }
        if (!dropIndexes) {
            return Mode.EMPTY_UPSERT;
        }
        List<String> primaryKey = new ArrayList<>();
        String rowidAlias = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    primaryKey.add(rs.getString(1));
                    if ("INTEGER".equalsIgnoreCase(rs.getString(2))) {
                        rowidAlias = rs.getString(1);
                    }
                }
            }
        }
        if (primaryKey.size() != 1) {
            rowidAlias = null;
        }
        if (new HashSet<>(primaryKey).equals(Set.copyOf(migration.mapping().conflictKey()))) {
            return Mode.BULK_UPSERT;
        }
        // a plain insert relies on SQLite numbering the rows (the restart's clean-up); a written row id would not
        if (rowidAlias != null && migration.targetColumns().contains(rowidAlias)) {
            return Mode.EMPTY_UPSERT;
        }
        return Mode.BULK_INSERT;
    }

    /** {@code [name, sql]} of the table's own indexes (not the primary key's). */
    private static List<String[]> indexes(Connection c, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return indexes;
    }

    private static void drop(Connection c, List<String> names) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("DROP INDEX IF EXISTS " + SqlNames.quote(name));
            }
        }
    }

    /** The names of the indexes a bulk load dropped, from the step's context. */
    static List<String> indexNames(ExecutionContext context) {
        return droppedIndexes(context).stream().map(ix -> ix[0]).toList();
    }

    /** {@code [name, sql]} of the indexes a bulk load dropped, from the step's context. */
    static List<String[]> droppedIndexes(ExecutionContext context) {
        List<String[]> indexes = new ArrayList<>();
        for (int i = 0; i < context.getInt(INDEX_SIZE, 0); i++) {
            indexes.add(context.getString(INDEX + i).split("\n", 2));
        }
        return indexes;
    }
}
