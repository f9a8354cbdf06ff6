package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** health reads every page (quick_check): a file that opens and answers but has corrupt pages is unhealthy. */
class HealthCorruptPagesTest {

    private static final String CANDLES = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
            INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)
            SELECT 'BTCUSDT', '1m', printf('2025-01-01 00:00:00.%06d', i), printf('2025-01-01 00:00:59.%06d', i), i, i + 1, i - 1, i + 0.5, i * 10
            FROM n
            """;

    @TempDir
    Path dir;

    @Test
    void aStoreWithCorruptInteriorPagesIsUnhealthyNamingTheStoreAndFile() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, CANDLES);
        assertThat(env.run("health").exitCode()).as("healthy before").isZero();

        // garbage over an interior page of the candles' table in the middle of the file; header and page 1 intact
        long pageSize = Sqlite.count(market, "PRAGMA page_size");
        long pageCount = Sqlite.count(market, "PRAGMA page_count");
        List<String> interior = Sqlite.strings(market,
                "SELECT pageno FROM dbstat WHERE name = 'candlesticks' AND pagetype = 'internal' ORDER BY pageno");
        long page = interior.isEmpty() ? pageCount / 2 : Long.parseLong(interior.get(interior.size() / 2));
        assertThat(page).isGreaterThan(1).isLessThan(pageCount);
        byte[] garbage = new byte[(int) pageSize];
        new Random(42).nextBytes(garbage);
        assertThat(Path.of(market + "-wal")).doesNotExist(); // everything is in the file being corrupted
        try (RandomAccessFile f = new RandomAccessFile(market.toFile(), "rw")) {
            f.seek((page - 1) * pageSize);
            f.write(garbage);
        }
        assertThat(Sqlite.strings(market, "SELECT count(*) FROM sqlite_master")).as("still opens").hasSize(1);

        Result r = env.run("health");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("status").asString()).isEqualTo("unhealthy");
        assertThat(json.get("databases").get("market").asString()).isEqualTo("disconnected");
        assertThat(json.get("databases").get("trading").asString()).isEqualTo("connected");
        assertThat(json.get("errors").get("market").asString()).contains("market store", market.toString())
                .containsIgnoringCase("corrupt");
        assertThat(Files.size(market)).isEqualTo(pageCount * pageSize);
    }
}
