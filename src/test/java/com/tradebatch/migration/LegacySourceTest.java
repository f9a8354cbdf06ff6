package com.tradebatch.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.LegacyPostgres;
import com.tradebatch.support.TestEnvironment;
import com.tradebatch.support.TestEnvironment.Result;

/** Where the legacy database and its password come from, checked against the real server with dry runs. */
class LegacySourceTest {

    private static LegacyPostgres pg;
    private static String database;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pg = LegacyPostgres.get();
        database = pg.newDatabase();
    }

    private static void assertPlanWithoutPassword(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("pg-migrate plan from postgresql://legacy_reader@");
        assertThat(r.out() + r.err()).doesNotContain(LegacyPostgres.PASSWORD);
    }

    @Test
    void passwordFromPgpasswordWithAPostgresUrlInDatabaseUrl() {
        Result r = new TestEnvironment(dir).set("DATABASE_URL", pg.urlWithoutPassword(database))
                .set("PGPASSWORD", LegacyPostgres.PASSWORD).run("run", "pg-migrate", "dry-run=true");
        assertPlanWithoutPassword(r);
    }

    @Test
    void passwordFromThePasswordFile() throws IOException {
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "*:" + pg.port() + ":*:" + LegacyPostgres.USER + ":"
                + LegacyPostgres.PASSWORD + "\n");
        Result r = new TestEnvironment(dir).set("LEGACY_DATABASE_URL", pg.urlWithoutPassword(database))
                .set("PGPASSWORD", "").set("PGPASSFILE", pgpass.toString()).run("run", "pg-migrate", "dry-run=true");
        assertPlanWithoutPassword(r);
    }

    @Test
    void jdbcUrlWithCredentialsInItsQuery() {
        String url = "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + database + "?user=" + LegacyPostgres.USER
                + "&password=" + LegacyPostgres.PASSWORD;
        Result r = new TestEnvironment(dir).set("LEGACY_DATABASE_URL", url).run("run", "pg-migrate", "dry-run=true");
        assertPlanWithoutPassword(r);
    }

    @Test
    void wrongPasswordFailsWithoutShowingIt() {
        if (System.getenv("TEST_PG_URL") != null) {
            return; // an external server may trust every login
        }
        String wrong = "Wr0ng-Pa55word-4242";
        Result r = new TestEnvironment(dir)
                .set("LEGACY_DATABASE_URL", pg.urlWithoutPassword(database).replace("legacy_reader@", "legacy_reader:" + wrong + "@"))
                .run("run", "pg-migrate", "dry-run=true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("cannot connect to the legacy database postgresql://legacy_reader@",
                "password authentication failed");
        assertThat(r.out() + r.err()).doesNotContain(wrong);
    }

    @Test
    void noLegacyDatabaseConfigured() {
        Result r = new TestEnvironment(dir).run("run", "pg-migrate", "dry-run=true");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("no legacy database: set LEGACY_DATABASE_URL");
    }
}
