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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.FileLockHolder;
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

    @Test
    void theNextBackupDeletesWhatInterruptedBackupsLeftButNotRunningOrFinishedBackups() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Sqlite.exec(dir.resolve("data/market_data.db"), CANDLES.formatted(3_000, "BTCUSDT"));
        assertThat(env.run("run", "backup", "databases=market").exitCode()).isZero();
        Path backups = dir.resolve("backups");
        Path finished = files("market_", ".db").get(0);
        Path finishedManifest = BackupManifest.beside(finished);

        // what killed backups leave, by the moment they were killed (the names BackupTasklet writes)
        Path copying = leftover("market_20240101-000000.manifest.json", null); // during the copy: full-size .partial
        leftover("market_20240101-000000.db.partial", finished);
        leftover("market_20240101-000000.db.partial-journal", null);
        leftover("trading_20240101-000000.manifest.json", null); // during the gzip
        leftover("trading_20240101-000000.db.gz.partial", finished);
        leftover("trading_20240101-000000.db.gz.tmp", finished);
        leftover("analytics_20240101-000000.manifest.json", null); // between the rename and the manifest
        leftover("analytics_20240101-000000.db", finished);
        leftover("analytics_20240101-000000.manifest.json.tmp", null);
        Path orphan = leftover("market_20240101-000001.db.partial", finished); // its manifest already gone
        Path byHand = leftover("market_20240101-000002.db", finished); // no manifest: not ours to delete
        // a backup running in another process right now: its empty manifest is locked
        Path runningManifest = leftover("market_20240101-000003.manifest.json", null);
        Path runningCopy = leftover("market_20240101-000003.db.partial", finished);

        try (FileLockHolder running = FileLockHolder.lock(runningManifest)) {
            Result r = env.run("run", "backup", "databases=market");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("deleted market_20240101-000000.db.partial (left by an interrupted backup)",
                    "deleted trading_20240101-000000.db.gz.tmp", "deleted analytics_20240101-000000.db ",
                    "deleted market_20240101-000001.db.partial");
            try (Stream<Path> s = Files.list(backups)) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("_20240101-000000"));
            }
            assertThat(copying).doesNotExist();
            assertThat(orphan).doesNotExist();
            assertThat(byHand).exists();
            assertThat(runningManifest).exists().isEmptyFile();
            assertThat(runningCopy).exists();
            assertThat(finished).exists();
            assertThat(BackupManifest.read(finishedManifest).verified()).isTrue();
            assertThat(files("market_", ".manifest.json")).hasSize(3); // two finished, one running
        }
        // the running backup is killed now: the next backup takes its files too
        Result after = env.run("run", "backup", "databases=trading");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).contains("deleted market_20240101-000003.db.partial");
        assertThat(runningManifest).doesNotExist();
        assertThat(runningCopy).doesNotExist();
        assertThat(byHand).exists();
        assertThat(files("market_", ".manifest.json")).hasSize(2);
        try (Stream<Path> s = Files.list(backups)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"));
        }
    }

    @Test
    void backupOntoAFullDiskSaysTheDiskIsFullAndLeavesNothingBehind() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats", "databases=market").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, CANDLES.formatted(15_000, "BTCUSDT"));
        assertThat(Files.size(market)).as("larger than the 2 MiB disk").isGreaterThan(3L << 20);
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", backups.toString())
                .redirectErrorStream(true).start();
        String mountOutput = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor() == 0,
                "a full disk needs a 2 MiB tmpfs mounted on the backup folder, and mount failed: " + mountOutput);
        try {
            Result r = env.run("run", "backup", "databases=market");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.out() + r.err()).contains("market: backup failed, the disk is full: no space left in " + backups);
            try (Stream<Path> s = Files.list(backups)) {
                assertThat(s.map(p -> p.getFileName().toString())).as("left in the backup folder")
                        .containsOnly(".backup.lock");
            }
        } finally {
            Process umount = new ProcessBuilder("umount", backups.toString()).redirectErrorStream(true).start();
            assertThat(umount.waitFor()).as(new String(umount.getInputStream().readAllBytes())).isZero();
        }
    }

    /** A file as a killed backup leaves it: a copy of {@code content}, or empty. */
    private Path leftover(String name, Path content) throws Exception {
        Path file = Files.createDirectories(dir.resolve("backups")).resolve(name);
        return content == null ? Files.createFile(file) : Files.copy(content, file);
    }

    private List<Path> files(String prefix, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
    }
}
