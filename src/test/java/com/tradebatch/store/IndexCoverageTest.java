package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;

/**
 * Every column set the trading system's models index (python-schema/indexes.txt, from the schema reference) is
 * indexed in the files tradebatch creates, and the look-ups our jobs promise are indexed in adopted files too.
 */
class IndexCoverageTest {

    @TempDir
    Path dir;

    private static final String OPEN_POSITIONS_OF_SYMBOL = "SELECT * FROM positions WHERE symbol = ? AND status = 'OPEN'";

    @Test
    void everyColumnSetTheSystemIndexesLeadsAnIndexInTheFilesWeCreate() throws IOException {
        TestEnvironment env = new TestEnvironment(dir);
        TestEnvironment.Result result = env.run("run", "db-stats");
        assertThat(result.exitCode()).as(result.toString()).isZero();

        Map<String, Path> files = Map.of("trading", dir.resolve("data/trading.db"),
                "market", dir.resolve("data/market_data.db"), "analytics", dir.resolve("data/analytics.db"));
        List<String> missing = new ArrayList<>();
        for (String[] line : systemIndexes()) {
            String store = line[0], table = line[1], name = line[2];
            List<String> columns = List.of(line[3].split(","));
            Map<String, List<String>> indexes = indexColumns(files.get(store), table);
            boolean covered = indexes.values().stream()
                    .anyMatch(cols -> cols.size() >= columns.size() && cols.subList(0, columns.size()).equals(columns));
            if (!covered) {
                missing.add(store + " " + table + " " + columns + " (the system's " + name + "); indexes there: " + indexes);
            }
        }
        assertThat(missing).as("column sets without an index leading with them").isEmpty();
    }

    @Test
    void anAdoptedTradingFileGetsTheOpenPositionsIndexAndTheLookUpUsesIt() throws Exception {
        Path trading = dir.resolve("data/trading.db");
        Files.createDirectories(trading.getParent());
        String ddl = new ClassPathResource("python-schema/trading.sql").getContentAsString(StandardCharsets.UTF_8);
        Sqlite.exec(trading, AdoptionTest.statements(ddl));
        assertThat(Sqlite.names(trading, "index")).doesNotContain("idx_positions_symbol_status");

        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "db-stats", "databases=trading");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(indexColumns(trading, "positions")).containsEntry("idx_positions_symbol_status", List.of("symbol", "status"))
                // the system's own indexes are kept
                .containsEntry("ix_positions_symbol", List.of("symbol"))
                .containsEntry("ix_positions_status", List.of("status"));
        assertThat(queryPlan(trading, OPEN_POSITIONS_OF_SYMBOL, "BTCUSDT"))
                .anyMatch(step -> step.contains("USING INDEX idx_positions_symbol_status (symbol=? AND status=?)"));
    }

    @Test
    void aCreatedTradingFileAnswersTheLookUpFromTheSameIndex() throws Exception {
        assertThat(new TestEnvironment(dir).run("run", "db-stats", "databases=trading").exitCode()).isZero();
        assertThat(queryPlan(dir.resolve("data/trading.db"), OPEN_POSITIONS_OF_SYMBOL, "BTCUSDT"))
                .anyMatch(step -> step.contains("USING INDEX idx_positions_symbol_status (symbol=? AND status=?)"));
    }

    private static final String CANDLES_FROM = "SELECT * FROM candlesticks WHERE symbol = ? AND interval = ? AND open_time >= ?"
            + " ORDER BY open_time LIMIT 1000";

    @Test
    void aCreatedMarketFileIndexesTheCandleKeyOnceWithTheUniqueIndex() throws Exception {
        assertThat(new TestEnvironment(dir).run("run", "db-stats", "databases=market").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");

        // market V3: the system's non-unique twin of idx_unique_candle is dropped, the column set stays indexed
        assertThat(indexColumns(market, "candlesticks")).doesNotContainKey("idx_symbol_interval_time")
                .containsEntry("idx_unique_candle", List.of("symbol", "interval", "open_time"));
        assertThat(Sqlite.strings(market, "SELECT type || '|' || version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("SQL|1", "SQL|2", "JDBC|3");
        assertThat(queryPlan(market, CANDLES_FROM, "BTCUSDT", "1m", "2024-01-01 00:00:00.000000"))
                .anyMatch(step -> step.contains("USING INDEX idx_unique_candle (symbol=? AND interval=? AND open_time>?)"));
    }

    @Test
    void anAdoptedMarketFileKeepsBothOfTheSystemsCandleKeyIndexes() throws Exception {
        Path market = dir.resolve("data/market_data.db");
        Files.createDirectories(market.getParent());
        // the system's market schema, as V1 recreates it, made outside tradebatch: no Flyway history
        String ddl = new ClassPathResource("db/market/V1__market_schema.sql").getContentAsString(StandardCharsets.UTF_8);
        Sqlite.exec(market, AdoptionTest.statements(ddl));

        assertThat(new TestEnvironment(dir).run("run", "db-stats", "databases=market").exitCode()).isZero();

        assertThat(Sqlite.strings(market, "SELECT type || '|' || version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("BASELINE|1", "SQL|2", "JDBC|3");
        assertThat(indexColumns(market, "candlesticks"))
                .containsEntry("idx_symbol_interval_time", List.of("symbol", "interval", "open_time"))
                .containsEntry("idx_unique_candle", List.of("symbol", "interval", "open_time"));
    }

    @Test
    void aDumpThatCarriesTheDroppedIndexStillImports() throws Exception {
        // a dump of an adopted (or pre-V3) market file names idx_symbol_interval_time: still part of the schema
        Path dump = dir.resolve("market.sql");
        Files.writeString(dump, """
                BEGIN;
                CREATE INDEX IF NOT EXISTS idx_symbol_interval_time ON candlesticks (symbol, interval, open_time);
                COMMIT;
                """);
        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "import-sql", "database=market",
                "file=" + dump);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** The lines of python-schema/indexes.txt: store, table, the system's index name, comma list of columns. */
    private static List<String[]> systemIndexes() throws IOException {
        String text = new ClassPathResource("python-schema/indexes.txt").getContentAsString(StandardCharsets.UTF_8);
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+")).toList();
    }

    /** Index name to its columns in order, read back with PRAGMA index_list / index_info. */
    static Map<String, List<String>> indexColumns(Path file, String table) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String index : Sqlite.strings(file, "SELECT name FROM pragma_index_list('" + table + "') ORDER BY name")) {
            result.put(index, Sqlite.strings(file, "SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno"));
        }
        return result;
    }

    private static List<String> queryPlan(Path file, String sql, String... parameters) throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
        }
        return steps;
    }
}
