package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;

/**
 * The packaged jar as a user runs it: {@code java -jar target/tradebatch.jar ...} in a working directory of its
 * own, configured by real environment variables.
 */
class ProcessIT {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run tradebatch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        for (String v : List.of("TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL", "TRADEBATCH_LOG_FILE")) {
            pb.environment().remove(v);
        }
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("tradebatch finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void runsAJobOnTheDefaultStoresInTheWorkingDirectoryWithQuietOutput() throws Exception {
        Run r = tradebatch(Map.of(), "run", "db-stats");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("db-stats: execution 1 COMPLETED");
        assertThat(r.out()).doesNotContain("INFO", ":: Spring Boot ::", "Hikari", "Flyway");
        assertThat(r.err()).isEmpty();
        for (String f : List.of("trading.db", "market_data.db", "analytics.db", "batch.db")) {
            assertThat(dir.resolve("data").resolve(f)).exists();
        }
        assertThat(dir.resolve("data/logs/tradebatch.log")).exists();
        Run executions = tradebatch(Map.of(), "executions");
        assertThat(executions.out()).contains("db-stats", "COMPLETED");
    }

    @Test
    void theReadmesFirstCommandImportsTheShippedSample() throws Exception {
        Path sample = Path.of("samples/ETHUSDT-1h-2025-01.csv").toAbsolutePath();
        Run r = tradebatch(Map.of(), "run", "candle-import", "file=" + sample);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("written 744", "ETHUSDT 1h", "complete");
        assertThat(Sqlite.count(dir.resolve("data/market_data.db"), "SELECT count(*) FROM candlesticks")).isEqualTo(744);
    }

    @Test
    void environmentVariablesPlaceTheStores() throws Exception {
        Path abs = dir.resolve("abs/market.db");
        Run r = tradebatch(Map.of("TRADING_DATABASE_URL", "sqlite:///./rel/trading.db",
                "MARKET_DATABASE_URL", "sqlite:///" + abs,
                "ANALYTICS_DATABASE_URL", "jdbc:sqlite:jdbc/analytics.db",
                "BATCH_DATABASE_URL", "sqlite:///./meta/batch.db"), "run", "db-stats");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Sqlite.names(dir.resolve("rel/trading.db"), "table")).contains("positions");
        assertThat(Sqlite.names(abs, "table")).contains("candlesticks");
        assertThat(Sqlite.names(dir.resolve("jdbc/analytics.db"), "table")).contains("pattern_cache");
        assertThat(Sqlite.names(dir.resolve("meta/batch.db"), "table")).contains("BATCH_JOB_EXECUTION");
        assertThat(dir.resolve("data/trading.db")).doesNotExist();
    }

    @Test
    void refusedVariableExitsTwoAndUsageErrorsExitTwo() throws Exception {
        Run refused = tradebatch(Map.of("ANALYTICS_DATABASE_URL", "postgresql://u:p@localhost/x"), "health");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("ANALYTICS_DATABASE_URL").doesNotContain("Exception");
        assertThat(refused.out()).isEmpty();

        Run unknown = tradebatch(Map.of(), "run", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        Run help = tradebatch(Map.of(), "help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("usage: tradebatch");
    }

    @Test
    void healthOfAFreshInstallation() throws Exception {
        Run r = tradebatch(Map.of(), "health");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"status\" : \"healthy\"", "\"type\" : \"SQLite Multi-Database\"");
    }

    static String jar() {
        String jar = System.getProperty("tradebatch.jar", "target/tradebatch.jar");
        assertThat(Path.of(jar)).as("the packaged jar (run through 'mvnw verify')").exists();
        return Path.of(jar).toAbsolutePath().toString();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
