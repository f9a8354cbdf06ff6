package com.tradebatch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** integrity-check on healthy and damaged files; optimize gives free pages back. */
class IntegrityAndOptimizeTest {

    @TempDir
    Path dir;

    @Test
    void healthyDatabasesPassBothChecks() {
        TestEnvironment env = new TestEnvironment(dir);
        Result full = env.run("run", "integrity-check");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(full.out()).containsPattern("trading\\s+integrity_check ok, foreign_key_check ok")
                .containsPattern("market\\s+integrity_check ok").containsPattern("analytics\\s+integrity_check ok");
        Result quick = env.run("run", "integrity-check", "quick=true", "databases=market");
        assertThat(quick.exitCode()).as(quick.toString()).isZero();
        assertThat(quick.out()).containsPattern("market\\s+quick_check ok").doesNotContain("trading ");
    }

    @Test
    void bytesOverwrittenInAPageExitOneNamingTheDatabase() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "integrity-check", "databases=market").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, BackupTest.CANDLES.formatted(20_000, "BTCUSDT"));
        long pageSize = Sqlite.count(market, "PRAGMA page_size");
        long pages = Sqlite.count(market, "PRAGMA page_count");
        try (RandomAccessFile f = new RandomAccessFile(market.toFile(), "rw")) {
            byte[] garbage = new byte[(int) pageSize / 2];
            Arrays.fill(garbage, (byte) 0x5A);
            f.seek(pageSize * (pages / 2)); // a page of candlesticks' rows or indexes, far from the schema
            f.write(garbage);
        }

        Result r = env.run("run", "integrity-check");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED", "integrity-check found problems in market (" + market + "): integrity_check:")
                .containsPattern("market\\s+NOT OK").containsPattern("trading\\s+integrity_check ok");
        assertThat(r.out()).doesNotContain("trading (" + dir);
    }

    @Test
    void aRowReferringToAMissingParentFailsTheForeignKeyCheck() {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "integrity-check", "databases=trading").exitCode()).isZero();
        Sqlite.exec(dir.resolve("data/trading.db"), "INSERT INTO orders (id, position_id, symbol, side, order_type, quantity)"
                + " VALUES ('o1', 'no-such-position', 'BTCUSDT', 'BUY', 'MARKET', 1)");
        Result r = env.run("run", "integrity-check", "databases=trading", "quick=true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("trading (", "foreign_key_check: orders rowid 1 refers to a missing row of positions");
    }

    @Test
    void optimizeLeavesNoFreePagesAndAnalyzes() {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, BackupTest.CANDLES.formatted(20_000, "BTCUSDT"), "DELETE FROM candlesticks WHERE id % 2 = 0");
        assertThat(Sqlite.count(market, "PRAGMA freelist_count")).isPositive();
        long sizeBefore = market.toFile().length();

        Result r = env.run("run", "optimize", "databases=market,trading");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("market\\s+[0-9.]+ [KM]iB\\s+[0-9.]+ [KM]iB\\s+[1-9]\\d*\\s+0\\s+[0-9.]+\\s+vacuum, analyze, optimize");
        assertThat(Sqlite.count(market, "PRAGMA freelist_count")).isZero();
        assertThat(market.toFile().length()).isLessThan(sizeBefore);
        assertThat(Sqlite.count(market, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'candlesticks'")).isPositive();
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(10_000);
    }

    @Test
    void vacuumIsRefusedWhenTheDiskHasLessRoomThanTheDatabase() {
        assertThat(OptimizeTasklet.vacuumRefusal(10_000, 9_999)).contains("free disk", "smaller than the database");
        assertThat(OptimizeTasklet.vacuumRefusal(10_000, 10_000)).isNull();
    }
}
