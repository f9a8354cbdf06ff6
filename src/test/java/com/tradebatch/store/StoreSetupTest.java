package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;

/** The four stores as real files: their tables, indexes, PRAGMAs and schema history. */
class StoreSetupTest {

    @TempDir
    Path dir;

    @Test
    void eachStoreIsItsOwnFileWithItsOwnTablesAndIndexes() {
        TestEnvironment env = new TestEnvironment(dir).set("MARKET_DATABASE_URL", "sqlite:///./deep/new/folder/market.db");
        assertThat(env.run("run", "db-stats").exitCode()).isZero();

        Path trading = dir.resolve("data/trading.db");
        Path market = dir.resolve("deep/new/folder/market.db");
        Path analytics = dir.resolve("data/analytics.db");
        Path batch = dir.resolve("data/batch.db");
        assertThat(Sqlite.names(trading, "table"))
                .containsExactly("flyway_schema_history", "orders", "portfolio_snapshots", "positions");
        assertThat(Sqlite.names(market, "table"))
                .containsExactly("candlestick_metadata", "candlesticks", "flyway_schema_history");
        assertThat(Sqlite.names(analytics, "table")).containsExactly("analytics_metrics", "flyway_schema_history",
                "ml_model_results", "pattern_cache", "trade_execution_log");
        assertThat(Sqlite.names(batch, "table")).contains("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
                "BATCH_STEP_EXECUTION", "flyway_schema_history");

        // Spring Batch's metadata lives in batch.db and nowhere else
        for (Path store : List.of(trading, market, analytics)) {
            assertThat(Sqlite.names(store, "table")).noneMatch(t -> t.toUpperCase().startsWith("BATCH_"));
        }
        assertThat(Sqlite.names(batch, "table")).noneMatch(t -> List.of("positions", "candlesticks", "pattern_cache").contains(t));
        // batch store V2: the indexes Spring Batch's schema lacks (an execution's steps and parameters)
        assertThat(Sqlite.names(batch, "index")).contains("IX_BATCH_STEP_EXECUTION_JOB_EXECUTION",
                "IX_BATCH_JOB_EXECUTION_PARAMS_JOB_EXECUTION", "IX_BATCH_JOB_EXECUTION_JOB_INSTANCE");

        assertThat(Sqlite.names(market, "index")).contains("idx_open_time", "idx_symbol", "idx_unique_candle",
                "idx_symbol_interval_metadata").doesNotContain("idx_symbol_interval_time"); // market V3
        assertThat(Sqlite.strings(market, "SELECT \"unique\" FROM pragma_index_list('candlesticks') WHERE name = 'idx_unique_candle'"))
                .containsExactly("1");
        assertThat(Sqlite.names(trading, "index")).contains("ix_positions_symbol", "ix_positions_status",
                "ix_orders_position_id", "ix_orders_symbol", "ix_portfolio_snapshots_timestamp");
        assertThat(Sqlite.names(analytics, "index")).contains("idx_pattern_symbol_type_time", "idx_pattern_confidence",
                "idx_pattern_status", "idx_execution_symbol_time", "idx_execution_pattern_status",
                "idx_ml_model_performance", "idx_ml_symbol_predictions", "idx_metrics_lookup", "idx_metrics_timeseries");
        assertThat(Sqlite.strings(trading, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1", "2");
        assertThat(Sqlite.strings(trading, "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void columnsDefaultsAndStorageFormatsAreTheTradingSystems() {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path trading = dir.resolve("data/trading.db");
        assertThat(Sqlite.strings(trading, "SELECT name FROM pragma_table_info('positions') ORDER BY cid")).containsExactly(
                "id", "symbol", "side", "quantity", "entry_price", "current_price", "stop_loss", "take_profit",
                "trailing_stop_distance", "trailing_stop_activation_price", "status", "opened_at", "closed_at",
                "realized_pnl", "notes");
        Sqlite.exec(trading, "INSERT INTO positions (id, symbol, side, quantity, entry_price) VALUES ('p1', 'BTCUSDT', 'BUY', 0.5, 42000)",
                "INSERT INTO orders (id, position_id, symbol, side, order_type, quantity) VALUES ('o1', 'p1', 'BTCUSDT', 'BUY', 'MARKET', 0.5)",
                "INSERT INTO portfolio_snapshots (balance) VALUES (1000)");
        assertThat(Sqlite.strings(trading, "SELECT status || '|' || typeof(quantity) || '|' || length(opened_at) FROM positions"))
                .containsExactly("OPEN|real|19");
        assertThat(Sqlite.strings(trading, "SELECT status FROM orders")).containsExactly("PENDING");
        assertThat(Sqlite.strings(trading, "SELECT total_pnl || '|' || positions_count FROM portfolio_snapshots"))
                .containsExactly("0.0|0");
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, "INSERT INTO candlestick_metadata (symbol, interval) VALUES ('BTCUSDT', '1h')");
        assertThat(Sqlite.strings(market, "SELECT sync_status || '|' || total_candles FROM candlestick_metadata"))
                .containsExactly("pending|0");
    }

    @Test
    void everyPooledConnectionHasThePragmas() throws Exception {
        TestEnvironment env = new TestEnvironment(dir).set("TRADEBATCH_BUSY_TIMEOUT", "7s");
        try (ConfigurableApplicationContext ctx = env.context()) {
            for (String name : List.of("tradingDataSource", "marketDataSource", "analyticsDataSource", "batchDataSource")) {
                DataSource ds = ctx.getBean(name, DataSource.class);
                // hold several at once so they are distinct pooled connections, not the first one again
                List<Connection> held = new ArrayList<>();
                try {
                    for (int i = 0; i < 3; i++) {
                        held.add(ds.getConnection());
                    }
                    for (Connection c : held) {
                        assertThat(pragma(c, "journal_mode")).as(name).isEqualTo("wal");
                        assertThat(pragma(c, "synchronous")).as(name).isEqualTo("1"); // NORMAL
                        assertThat(pragma(c, "foreign_keys")).as(name).isEqualTo("1");
                        assertThat(pragma(c, "cache_size")).as(name).isEqualTo("-2000");
                        assertThat(pragma(c, "busy_timeout")).as(name).isEqualTo("7000");
                    }
                } finally {
                    for (Connection c : held) {
                        c.close();
                    }
                }
            }
        }
    }

    @Test
    void writeTransactionsTakeTheLockAtBeginButBulkChunksAndSnapshotReadsLetWritersOn() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        try (ConfigurableApplicationContext ctx = env.context()) {
            for (String name : List.of("tradingDataSource", "marketDataSource", "analyticsDataSource", "batchDataSource")) {
                Path file = ctx.getBean(Stores.class).location(storeOf(name)).file();
                try (Connection c = ctx.getBean(name, DataSource.class).getConnection()) {
                    c.setAutoCommit(false); // what a transaction manager does at begin: IMMEDIATE takes the lock
                    assertThat(otherWriterGetsIn(file)).as(name + " transaction").isFalse();
                    c.rollback();
                    c.setAutoCommit(true);
                    try (ReadSnapshot read = ReadSnapshot.begin(c)) {
                        pragma(c, "user_version");
                        assertThat(otherWriterGetsIn(file)).as(name + " snapshot read").isTrue();
                    }
                    assertThat(c.getAutoCommit()).isTrue();
                    c.setAutoCommit(false); // the pooled connection is IMMEDIATE again after the snapshot
                    assertThat(otherWriterGetsIn(file)).as(name + " after a snapshot read").isFalse();
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            // a bulk chunk (candle-import, pg-migrate) takes the lock only at its first write, on the market pool
            Path market = dir.resolve("data/market_data.db");
            PlatformTransactionManager bulk = ctx.getBean(StoreConfiguration.MARKET_BULK_TX, PlatformTransactionManager.class);
            DataSource bulkWriters = ctx.getBean(StoreConfiguration.MARKET_BULK_DS, DataSource.class);
            TransactionStatus chunk = bulk.getTransaction(TransactionDefinition.withDefaults());
            Connection inChunk = DataSourceUtils.getConnection(bulkWriters);
            assertThat(otherWriterGetsIn(market)).as("bulk chunk before its first write").isTrue();
            inChunk.createStatement().execute("INSERT INTO candlestick_metadata (symbol, interval) VALUES ('X', '1m')");
            assertThat(otherWriterGetsIn(market)).as("bulk chunk after its first write").isFalse();
            bulk.rollback(chunk);
            // every market connection begins IMMEDIATE again afterwards, the one the chunk used included
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Connection c = ctx.getBean("marketDataSource", DataSource.class).getConnection();
                    all.add(c);
                    c.setAutoCommit(false);
                    assertThat(otherWriterGetsIn(market)).as("market connection " + i + " after a bulk chunk").isFalse();
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } finally {
                for (Connection c : all) {
                    c.close();
                }
            }
            assertThat(Sqlite.count(market, "SELECT count(*) FROM candlestick_metadata")).isZero();
        }
    }

    private static Store storeOf(String dataSource) {
        return Store.valueOf(dataSource.replace("DataSource", "").toUpperCase(Locale.ROOT));
    }

    /** Whether a plain connection that does not wait (busy_timeout 0) can take the file's write lock now. */
    private static boolean otherWriterGetsIn(Path file) throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            other.createStatement().execute("BEGIN IMMEDIATE");
            other.createStatement().execute("ROLLBACK");
            return true;
        } catch (SQLException e) {
            assertThat(e.getMessage()).contains("SQLITE_BUSY");
            return false;
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        TestEnvironment env = new TestEnvironment(dir);
        try (ConfigurableApplicationContext ctx = env.context()) {
            ctx.getBean(StoreMigrator.class).migrateAll();
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(ctx.getBean("tradingDataSource", DataSource.class));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                    "INSERT INTO orders (id, position_id, symbol, side, order_type, quantity) VALUES ('o', 'nope', 'X', 'BUY', 'MARKET', 1)"))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void secondStartKeepsDataAndDoesNotMigrateAgain() {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path trading = dir.resolve("data/trading.db");
        Sqlite.exec(trading, "INSERT INTO positions (id, symbol, side, quantity, entry_price) VALUES ('p1', 'ETHUSDT', 'SELL', 2, 3000)");
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        assertThat(Sqlite.count(trading, "SELECT count(*) FROM positions")).isEqualTo(1);
        assertThat(Sqlite.count(trading, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(2);
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("data/trading.db-wal")) || Files.exists(trading)).isTrue();
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
