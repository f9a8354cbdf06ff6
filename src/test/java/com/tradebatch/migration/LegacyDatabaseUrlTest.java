package com.tradebatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy URL forms, and that nothing printable carries the password. */
class LegacyDatabaseUrlTest {

    @TempDir
    Path dir;

    @Test
    void sqlalchemyFormWithPasswordKeepsItOutOfEverythingPrintable() {
        LegacyDatabaseUrl u = LegacyDatabaseUrl.parse("DATABASE_URL",
                "postgresql+psycopg2://trader:p%40ss%3Aw0rd@db.example:6543/trading?sslmode=require", "nobody");
        assertThat(u.host()).isEqualTo("db.example");
        assertThat(u.port()).isEqualTo(6543);
        assertThat(u.database()).isEqualTo("trading");
        assertThat(u.user()).isEqualTo("trader");
        assertThat(u.password()).contains("p@ss:w0rd");
        assertThat(u.display()).isEqualTo("postgresql://trader@db.example:6543/trading");
        assertThat(u.toString()).doesNotContain("p@ss", "w0rd");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/trading?sslmode=require").doesNotContain("w0rd");
        assertThat(u.connectionProperties().getProperty("password")).isEqualTo("p@ss:w0rd");
    }

    @Test
    void jdbcFormWithCredentialsInTheQuery() {
        LegacyDatabaseUrl u = LegacyDatabaseUrl.parse("LEGACY_DATABASE_URL",
                "jdbc:postgresql://localhost/legacy?user=reader&password=hunter2&ssl=false", "nobody");
        assertThat(u.port()).isEqualTo(5432);
        assertThat(u.user()).isEqualTo("reader");
        assertThat(u.password()).contains("hunter2");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/legacy?ssl=false");
        assertThat(u.display()).doesNotContain("hunter2");
    }

    @Test
    void defaultsAndRefusalsNeverEchoTheUrl() {
        LegacyDatabaseUrl u = LegacyDatabaseUrl.parse("X", "postgres://db", "me");
        assertThat(u.user()).isEqualTo("me");
        assertThat(u.database()).isEqualTo("me");
        assertThat(u.password()).isEmpty();
        assertThatThrownBy(() -> LegacyDatabaseUrl.parse("LEGACY_DATABASE_URL", "mysql://u:topsecret@h/db", "me"))
                .hasMessageContaining("LEGACY_DATABASE_URL is not a PostgreSQL URL").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> LegacyDatabaseUrl.parse("LEGACY_DATABASE_URL", "postgresql://u:topsecret@h:port/db", "me"))
                .hasMessageContaining("port").hasMessageNotContaining("topsecret");
    }

    @Test
    void pgpassFirstMatchingLineWithWildcardsAndEscapes() throws IOException {
        Path file = dir.resolve("pgpass");
        Files.writeString(file, """
                # comment
                otherhost:5432:*:reader:nope
                db.example:6543:trading:reader:pa\\:ss
                *:*:*:*:fallback
                """);
        assertThat(PgPassFile.lookup(file, "db.example", 6543, "trading", "reader")).contains("pa:ss");
        assertThat(PgPassFile.lookup(file, "db.example", 5432, "trading", "reader")).contains("fallback");
        assertThat(PgPassFile.lookup(dir.resolve("missing"), "h", 1, "d", "u")).isEmpty();
    }

    @Test
    void candleIntervalsAndCloseTimes() {
        assertThat(LegacyTimeframes.interval("1h").code()).isEqualTo("1h");
        assertThat(LegacyTimeframes.interval("60min").code()).isEqualTo("1h");
        assertThat(LegacyTimeframes.interval("1day").code()).isEqualTo("1d");
        assertThat(LegacyTimeframes.interval("1M").code()).isEqualTo("1M");
        assertThat(LegacyTimeframes.interval("15m").closeTime(java.time.Instant.parse("2024-01-01T10:00:00Z")))
                .isEqualTo(java.time.Instant.parse("2024-01-01T10:14:59.999Z"));
        assertThat(LegacyTimeframes.interval("1M").closeTime(java.time.Instant.parse("2024-02-01T00:00:00Z")))
                .isEqualTo(java.time.Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThatThrownBy(() -> LegacyTimeframes.interval("bogus")).hasMessageContaining("'bogus' is not an interval");
    }

    @Test
    void uuidIdsAreStablePositiveAndJsonSafe() {
        long id = LegacyIds.of("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        assertThat(id).isEqualTo(LegacyIds.of("f47ac10b-58cc-4372-a567-0e02b2c3d479")).isPositive().isLessThan(1L << 53);
        assertThat(id).isNotEqualTo(LegacyIds.of("f47ac10c-58cc-4372-a567-0e02b2c3d479"));
    }
}
