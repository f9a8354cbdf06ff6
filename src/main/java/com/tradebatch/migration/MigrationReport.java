package com.tradebatch.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tradebatch.common.TradingTime;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification of a run, per table: printed for the person, and written as
 * {@code data/migration-report-<execution-id>.json}.
 */
public record MigrationReport(long executionId, MigrationPlan plan, List<TableVerification> tables) {

    public boolean matches() {
        return tables.stream().allMatch(TableVerification::matches);
    }

    public List<TableVerification> mismatches() {
        return tables.stream().filter(t -> !t.matches()).toList();
    }

    public String describe(Path file) {
        StringBuilder sb = new StringBuilder();
        sb.append("verification of ").append(plan.source()).append(": ")
                .append(matches() ? "every table matches" : mismatches().size() + " table(s) DIFFER").append('\n');
        sb.append(String.format(Locale.ROOT, "%-22s %12s  ->  %-32s %12s  %-16s %-16s %s%n", "source table", "rows",
                "target", "rows", "source checksum", "target checksum", "result"));
        for (TableVerification t : tables) {
            sb.append(String.format(Locale.ROOT, "%-22s %,12d  ->  %-32s %,12d  %-16s %-16s %s%n", t.source(), t.sourceRows(),
                    t.store() + "." + t.target(), t.targetRows(), t.sourceChecksum(), t.targetChecksum(),
                    t.matches() ? "ok" : "MISMATCH (" + t.missing() + " missing, " + t.different() + " different)"));
        }
        for (TableVerification t : mismatches()) {
            sb.append("  ").append(t.firstProblem()).append('\n');
        }
        boolean anyLoss = tables.stream().anyMatch(t -> !t.decimalLoss().isEmpty());
        if (anyLoss) {
            sb.append("numeric values a REAL cannot hold exactly (strict-decimals=true refuses them):\n");
            for (TableVerification t : tables) {
                t.decimalLoss().forEach((column, loss) -> sb.append(String.format(Locale.ROOT,
                        "  %-32s %,10d values, largest error %s (e.g. %s)%n", t.source() + "." + column, loss.count(),
                        loss.largestError().stripTrailingZeros().toPlainString(), loss.example())));
            }
        }
        plan.appendSkipped(sb);
        sb.append("report: ").append(file);
        return sb.toString();
    }

    public Path write(Path folder) {
        Path file = folder.resolve("migration-report-" + executionId + ".json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("execution_id", executionId);
        json.put("written_at", TradingTime.now());
        json.put("source", plan.source());
        json.put("result", matches() ? "match" : "mismatch");
        json.put("tables", tables.stream().map(MigrationReport::table).toList());
        Map<String, Object> skipped = new LinkedHashMap<>();
        plan.notMigrated().forEach((name, rows) -> skipped.put(name, Map.of("rows", rows, "reason", plan.notMigratedWhy().get(name))));
        json.put("not_migrated", skipped);
        json.put("not_selected", plan.notSelected());
        json.put("not_in_legacy_database", plan.absent());
        try {
            Files.createDirectories(folder);
            JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(file, mapper.writeValueAsString(json) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the migration report " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> table(TableVerification t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_table", t.source());
        m.put("target_database", t.store());
        m.put("target_table", t.target());
        m.put("source_rows", t.sourceRows());
        m.put("target_rows", t.targetRows());
        m.put("target_table_rows", t.targetTableRows());
        m.put("source_checksum", t.sourceChecksum());
        m.put("target_checksum", t.targetChecksum());
        m.put("missing", t.missing());
        m.put("different", t.different());
        m.put("match", t.matches());
        if (!t.firstProblem().isEmpty()) {
            m.put("first_problem", t.firstProblem());
        }
        Map<String, Object> losses = new LinkedHashMap<>();
        t.decimalLoss().forEach((column, loss) -> losses.put(column, Map.of("values", loss.count(),
                "largest_error", loss.largestError().stripTrailingZeros().toPlainString(), "example", loss.example())));
        m.put("inexact_decimals", losses);
        return m;
    }
}
