package com.tradebatch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** restore: a verified backup replaces the database, the old one kept aside; broken backups are refused. */
class RestoreTest {

    @TempDir
    Path dir;

    @Test
    void restoreSwapsTheBackupInAndKeepsTheCurrentFileAside() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats", "databases=trading").exitCode()).isZero();
        Path trading = dir.resolve("data/trading.db");
        Sqlite.exec(trading, "INSERT INTO positions (id, symbol, side, quantity, entry_price) VALUES"
                + " ('p1', 'BTCUSDT', 'BUY', 1, 2), ('p2', 'ETHUSDT', 'SELL', 3, 4)");
        assertThat(env.run("run", "backup", "databases=trading", "compress=gzip").exitCode()).isZero();
        Path backup = backups("trading_", ".db.gz").get(0);
        Sqlite.exec(trading, "DELETE FROM positions", "INSERT INTO positions (id, symbol, side, quantity, entry_price)"
                + " VALUES ('p3', 'SOLUSDT', 'BUY', 5, 6)");

        // by its name in the backup folder, as 'restore trading' lists them
        Result r = env.run("restore", "trading", backup.getFileName().toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("trading: verified " + backup, "size, sha256 and rows match its manifest",
                "restored into " + trading, "the previous file is kept as " + trading + ".before-restore-");
        assertThat(Sqlite.strings(trading, "SELECT id FROM positions ORDER BY id")).containsExactly("p1", "p2");
        Path aside;
        try (Stream<Path> s = Files.list(dir.resolve("data"))) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("trading.db.before-restore-")).findFirst().orElseThrow();
        }
        assertThat(Sqlite.strings(aside, "SELECT id FROM positions")).containsExactly("p3");
        try (Stream<Path> s = Files.list(dir.resolve("data"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".restore-") || n.equals("trading.db-wal"));
        }
        // the restored store works as before, in WAL mode again
        assertThat(env.run("run", "integrity-check", "databases=trading").exitCode()).isZero();
        assertThat(Sqlite.strings(trading, "PRAGMA journal_mode")).containsExactly("wal");

        Result list = env.run("restore", "trading");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("verified backups of trading in " + dir.resolve("backups") + ", newest first:",
                backup.getFileName().toString());
        assertThat(list.err()).isEmpty();
        assertThat(env.run("restore", "nope", "x.db").exitCode()).isEqualTo(2);
    }

    @Test
    void brokenTruncatedForeignOrBusyBackupsAreRefusedAndNothingChanges() throws Exception {
        // a short lock wait: the busy case below waits this long before it is refused
        TestEnvironment env = new TestEnvironment(dir).set("tradebatch.store.busy-timeout", "300ms");
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, BackupTest.CANDLES.formatted(3_000, "BTCUSDT"));
        assertThat(env.run("run", "backup", "databases=market").exitCode()).isZero();
        assertThat(env.run("run", "backup", "databases=market", "compress=gzip").exitCode()).isZero();
        Path backup = backups("market_", ".db").get(0);
        Path packed = backups("market_", ".db.gz").get(0);
        long size = Files.size(backup);

        Path truncatedCopy = dir.resolve("elsewhere.db"); // no manifest: only SQLite can tell
        Files.copy(backup, truncatedCopy);
        truncate(truncatedCopy, size / 2);
        truncate(backup, size / 2);
        Path truncatedGz = dir.resolve("elsewhere.db.gz");
        Files.copy(packed, truncatedGz);
        truncate(truncatedGz, Files.size(packed) / 2);

        Result withManifest = env.run("restore", "market", backup.toString());
        assertThat(withManifest.exitCode()).as(withManifest.toString()).isEqualTo(1);
        assertThat(withManifest.err()).contains("restore refused", "does not match its manifest", "truncated or altered");
        Result bare = env.run("restore", "market", truncatedCopy.toString(), "--force");
        assertThat(bare.exitCode()).as(bare.toString()).isEqualTo(1);
        assertThat(bare.err()).containsPattern("restore refused: .*elsewhere.db (fails integrity_check|is not a usable SQLite database)");
        Result gz = env.run("restore", "market", truncatedGz.toString(), "--force");
        assertThat(gz.exitCode()).as(gz.toString()).isEqualTo(1);
        assertThat(gz.err()).contains("restore refused", "truncated");
        Result foreign = env.run("restore", "trading", packed.toString());
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("is a backup of market, not of trading");
        Path schemaless = dir.resolve("other.db");
        Sqlite.exec(schemaless, "CREATE TABLE x (a)");
        Result wrongSchema = env.run("restore", "market", schemaless.toString(), "--force");
        assertThat(wrongSchema.exitCode()).isEqualTo(1);
        assertThat(wrongSchema.err()).contains("table candlesticks is missing");

        // another process holding the database open: refused, nothing changed
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + market); Statement st = other.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.executeQuery("SELECT count(*) FROM candlesticks").close();
            Result busy = env.run("restore", "market", packed.toString());
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(1);
            assertThat(busy.err()).contains("is open in another process");
        }

        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(3_000);
        try (Stream<Path> s = Files.list(dir.resolve("data"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restore"));
        }
    }

    @Test
    void aFileWithoutAVerifiedManifestIsRefusedUnlessForcedAndTheListingShowsOnlyVerifiedBackups() throws Exception {
        TestEnvironment env = new TestEnvironment(dir);
        assertThat(env.run("run", "db-stats").exitCode()).isZero();
        Path market = dir.resolve("data/market_data.db");
        Sqlite.exec(market, BackupTest.CANDLES.formatted(2_000, "BTCUSDT"));
        assertThat(env.run("run", "backup", "databases=market").exitCode()).isZero();
        Path verified = backups("market_", ".db").get(0);
        Sqlite.exec(market, "DELETE FROM candlesticks WHERE open_price > 1");
        // what a backup killed during its copy leaves (full size), and one killed before writing its manifest
        Path backups = dir.resolve("backups");
        Path partial = Files.copy(verified, backups.resolve("market_20240101-000000.db.partial"));
        Files.createFile(backups.resolve("market_20240101-000000.manifest.json"));
        Path unfinished = Files.copy(verified, backups.resolve("market_20240101-000001.db"));
        Files.createFile(backups.resolve("market_20240101-000001.manifest.json"));

        Result noManifest = env.run("restore", "market", partial.getFileName().toString());
        assertThat(noManifest.exitCode()).as(noManifest.toString()).isEqualTo(1);
        assertThat(noManifest.err()).contains("restore refused: " + partial + " has no verified manifest",
                "a .partial file is the copy of a backup that never finished", "--force");
        Result emptyManifest = env.run("restore", "market", unfinished.toString());
        assertThat(emptyManifest.exitCode()).as(emptyManifest.toString()).isEqualTo(1);
        assertThat(emptyManifest.err()).contains("has no verified manifest",
                "market_20240101-000001.manifest.json is empty: the backup never finished", "--force");
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(1);

        Result list = env.run("restore", "market");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(verified.getFileName().toString(), " rows")
                .doesNotContain("20240101");
        Result none = env.run("restore", "analytics");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.out()).contains("no verified backups of analytics in " + backups);
        assertThat(env.run("restore", "market", "--force").exitCode()).isEqualTo(2);

        Result forced = env.run("restore", "market", partial.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("no verified manifest, restored because of --force", "restored into " + market);
        assertThat(Sqlite.count(market, "SELECT count(*) FROM candlesticks")).isEqualTo(2_000);
    }

    private static void truncate(Path file, long length) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    private List<Path> backups(String prefix, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
    }
}
