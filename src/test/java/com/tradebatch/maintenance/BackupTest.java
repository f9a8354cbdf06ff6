package com.tradebatch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** The backup job on real files: online copy under concurrent writes, verification, manifest, names, retention, gzip. */
class BackupTest {

    static final String CANDLES = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
            INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)
            SELECT '%s', '1m', printf('2025-01-01 00:00:00.%%06d', i), printf('2025-01-01 00:00:59.%%06d', i), i, i + 1, i - 1, i + 0.5, i * 10
            FROM n
            """;

    @TempDir
    Path dir;

    @Test
    void backupWhileAnotherConnectionKeepsWritingBothSucceedAndTheCopyMatchesItsSnapshot() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Result init = env.run("run", "db-stats", "databases=market");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, CANDLES.formatted(50_000, "BTCUSDT"));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + market);
                    Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO candlesticks (symbol, interval, open_time,"
                        + " close_time, open_price, high_price, low_price, close_price, volume) VALUES ('ETHUSDT', '1m', ?, ?, 1, 2, 0.5, 1.5, 3)")) {
                    while (writing.get()) {
                        long i = written.incrementAndGet();
                        insert.setString(1, "2025-02-01 00:00:00." + String.format("%06d", i));
                        insert.setString(2, "2025-02-01 00:00:59." + String.format("%06d", i));
                        insert.executeUpdate();
                    }
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        while (written.get() < 100 && writer.isAlive()) {
            Thread.sleep(10);
        }
        Result r = env.run("run", "backup", "databases=market");
        long duringBackup = written.get();
        Thread.sleep(100);
        writing.set(false);
        writer.join();

        assertThat(writerFailure.get()).isNull();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("market\\s+-> .*/backups/market_\\d{8}-\\d{6}\\.db .* verified");
        assertThat(written.get()).isGreaterThan(duringBackup);

        List<Path> manifests = files("market_", ".manifest.json");
        assertThat(manifests).hasSize(1);
        BackupManifest manifest = BackupManifest.read(manifests.get(0));
        assertThat(manifest.verified()).isTrue();
        assertThat(manifest.integrityCheck()).isEqualTo("ok");
        long copied = manifest.rows().get("candlesticks");
        assertThat(copied).isBetween(50_000L, 50_000L + duringBackup);
        Path backup = dir.resolve("backups").resolve(manifest.file());
        assertThat(Checksums.sha256(backup)).isEqualTo(manifest.sha256());
        assertThat(Files.size(backup)).isEqualTo(manifest.size());
        assertThat(Sqlite.count(backup, "SELECT count(*) FROM candlesticks")).isEqualTo(copied);
        assertThat(Sqlite.strings(backup, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(dir.resolve("backups").resolve(manifest.file() + "-wal")).doesNotExist();
        // the source kept every row the writer wrote
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(50_000 + written.get());
    }

    @Test
    void namesNeverCollideRetentionKeepsTheNewestVerifiedOnesAndGzipRoundTrips() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Path foreign = Files.writeString(backups.resolve("trading_20000101-000000.db"), "not ours: no manifest");
        Result two = env.run("run", "backup", "databases=analytics,market");
        assertThat(two.exitCode()).as(two.toString()).isZero();
        assertThat(two.out()).containsPattern("analytics\\s+-> .*analytics_\\d{8}-\\d{6}\\.db .* verified")
                .containsPattern("market\\s+-> .*market_\\d{8}-\\d{6}\\.db .* verified");
        for (int i = 0; i < 3; i++) {
            Result r = env.run("run", "backup", "databases=trading", "keep=2");
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        List<Path> trading = files("trading_", ".manifest.json");
        assertThat(trading).hasSize(2);
        assertThat(files("trading_", ".db")).hasSize(3); // two backups + the foreign file
        assertThat(foreign).exists();
        assertThat(files("analytics_", ".db")).hasSize(1);
        assertThat(files("market_", ".db")).hasSize(1);
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'"))
                .isEqualTo(4);

        Result gz = env.run("run", "backup", "databases=market", "compress=gzip");
        assertThat(gz.exitCode()).as(gz.toString()).isZero();
        List<Path> packed = files("market_", ".db.gz");
        assertThat(packed).hasSize(1);
        BackupManifest manifest = BackupManifest.read(BackupManifest.beside(packed.get(0)));
        assertThat(manifest.compression()).isEqualTo("gzip");
        assertThat(Checksums.sha256(packed.get(0))).isEqualTo(manifest.sha256());
        Path unpacked = dir.resolve("unpacked.db");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(packed.get(0)))) {
            Files.copy(in, unpacked);
        }
        assertThat(Checksums.sha256(unpacked)).isEqualTo(manifest.databaseSha256());
        assertThat(Sqlite.strings(unpacked, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(Sqlite.names(unpacked, "table")).contains("candlesticks", "candlestick_metadata");

        Result bad = env.run("run", "backup", "compress=zip");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("parameter compress");
    }

    private List<Path> files(String prefix, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
    }
}
