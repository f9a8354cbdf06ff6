package com.tradebatch.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a run of pg-migrate does, found in the legacy database before anything is written: each selected table with
 * its rows and destination, the selected tables the legacy database lacks, and the tables that stay behind.
 */
public record MigrationPlan(String source, List<Entry> tables, List<String> absent, Map<String, Long> notMigrated,
        Map<String, String> notMigratedWhy, List<String> notSelected) {

    public record Entry(TableMapping mapping, long rows) {
    }

    public static MigrationPlan of(LegacySource legacy, Set<String> selected) {
        try (Connection c = legacy.connect()) {
            LegacyCatalog catalog = new LegacyCatalog(c);
            List<String> present = catalog.tableNames();
            List<Entry> tables = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            List<String> notSelected = new ArrayList<>();
            for (TableMapping m : TableMappings.all()) {
                if (!selected.contains(m.source())) {
                    if (present.contains(m.source())) {
                        notSelected.add(m.source());
                    }
                } else if (present.contains(m.source())) {
                    tables.add(new Entry(m, catalog.count(m.source())));
                } else {
                    absent.add(m.source());
                }
            }
            Map<String, Long> notMigrated = new LinkedHashMap<>();
            Map<String, String> why = new LinkedHashMap<>();
            for (String name : present) {
                if (TableMappings.bySource(name).isEmpty()) {
                    notMigrated.put(name, catalog.count(name));
                    why.put(name, TableMappings.NOT_MIGRATED.getOrDefault(name, "no mapping to the trading system's tables"));
                }
            }
            return new MigrationPlan(legacy.url().display(), tables, absent, notMigrated, why, notSelected);
        } catch (SQLException e) {
            throw new LegacySourceException("legacy database: " + legacy.redact(e.getMessage()), e);
        }
    }

    public long totalRows() {
        return tables.stream().mapToLong(Entry::rows).sum();
    }

    /** The dry-run text. */
    public String describe(boolean dryRun) {
        StringBuilder sb = new StringBuilder();
        sb.append("pg-migrate plan from ").append(source).append(dryRun ? " (dry run: nothing written)\n" : "\n");
        sb.append(String.format(Locale.ROOT, "%-22s %12s  ->  %-10s %-22s %s%n", "source table", "rows", "database",
                "target table", "mapping"));
        for (Entry e : tables) {
            TableMapping m = e.mapping();
            sb.append(String.format(Locale.ROOT, "%-22s %,12d  ->  %-10s %-22s %s%n", m.source(), e.rows(), m.store().key(),
                    m.target(), m.rule()));
        }
        sb.append(String.format(Locale.ROOT, "%-22s %,12d rows to migrate%n", "total", totalRows()));
        appendSkipped(sb);
        return sb.toString().stripTrailing();
    }

    void appendSkipped(StringBuilder sb) {
        if (!notMigrated.isEmpty()) {
            sb.append("not migrated:\n");
            notMigrated.forEach((name, rows) -> sb.append(String.format(Locale.ROOT, "  %-20s %,12d rows  %s%n", name, rows,
                    notMigratedWhy.get(name))));
        }
        if (!notSelected.isEmpty()) {
            sb.append("not selected (tables=): ").append(String.join(", ", notSelected)).append('\n');
        }
        if (!absent.isEmpty()) {
            sb.append("not in the legacy database: ").append(String.join(", ", absent)).append('\n');
        }
    }
}
