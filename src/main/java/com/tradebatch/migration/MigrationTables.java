package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import com.tradebatch.store.Stores;

/**
 * Resolves each {@link TableMapping} against the legacy table and the target table as they are (once per process:
 * the steps, the plan and the verification share the result).
 */
@Component
public class MigrationTables {

    private final LegacySource legacy;
    private final Stores stores;
    private final Map<String, Optional<TableMigration>> resolved = new ConcurrentHashMap<>();

    public MigrationTables(LegacySource legacy, Stores stores) {
        this.legacy = legacy;
        this.stores = stores;
    }

    /** The migration of a legacy table, or empty when the legacy database has no such table. */
    public Optional<TableMigration> get(String sourceTable) {
        return resolved.computeIfAbsent(sourceTable, this::resolve);
    }

    private Optional<TableMigration> resolve(String sourceTable) {
        TableMapping mapping = TableMappings.bySource(sourceTable)
                .orElseThrow(() -> new IllegalArgumentException("pg-migrate has no mapping for " + sourceTable));
        try (Connection c = legacy.connect()) {
            return new LegacyCatalog(c).table(sourceTable)
                    .map(t -> TableMigration.resolve(mapping, t, targetColumns(stores.dataSource(mapping.store()), mapping.target())));
        } catch (SQLException e) {
            throw new LegacySourceException("legacy database: " + e.getMessage(), e);
        }
    }

    static List<String> targetColumns(DataSource ds, String table) {
        List<String> columns = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("target table " + table + " does not exist");
        }
        return columns;
    }
}
