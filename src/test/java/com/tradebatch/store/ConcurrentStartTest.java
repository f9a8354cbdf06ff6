package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.support.Sqlite;
import com.tradebatch.support.TestEnvironment;

/**
 * Commands started together on a fresh folder: separate JVMs, as cron or a user's shell starts them, all
 * creating and migrating the same four stores at once (each command migrates all four). Every one must succeed.
 */
class ConcurrentStartTest {

    /** One db-stats per trading store: the same parameters twice would be refused as "already running", by design. */
    private static final List<String> DATABASES = List.of("trading", "market", "analytics");
    private static final int PROCESSES = DATABASES.size();

    @TempDir
    Path dir;

    @Test
    void processesStartedTogetherOnAFreshFolderAllSucceed() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(tradebatch(i, "run", "db-stats", "databases=" + DATABASES.get(i)));
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("process %d finished", i).isTrue();
            String output = Files.readString(dir.resolve("out" + i + ".txt"), StandardCharsets.UTF_8)
                    + Files.readString(dir.resolve("err" + i + ".txt"), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("process %d:%n%s", i, output).isZero();
            assertThat(output).doesNotContain("locked");
        }
        assertThat(Sqlite.count(dir.resolve("data/batch.db"), "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'"))
                .isEqualTo(PROCESSES);
        Map<String, List<String>> versions = Map.of("trading.db", List.of("1", "2"),
                "market_data.db", List.of("1", "2", "3"), "analytics.db", List.of("1", "2"));
        versions.forEach((store, expected) ->
            // each version applied once, whoever applied it
            assertThat(Sqlite.strings(dir.resolve("data").resolve(store), "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .as(store).containsExactlyElementsOf(expected));
    }

    /**
     * The same race inside one JVM, started on a barrier so the migrations really overlap: two application
     * contexts (as two processes would have) migrating all four fresh stores at the same instant.
     */
    @Test
    void twoApplicationsMigratingTheSameFreshStoresAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < 3; round++) { // the race is timing: a few fresh folders make a miss unlikely
            raceTwoMigrators(dir.resolve("round" + round));
        }
    }

    private static void raceTwoMigrators(Path folder) throws Exception {
        TestEnvironment env = new TestEnvironment(folder);
        try (ConfigurableApplicationContext a = env.context(); ConfigurableApplicationContext b = env.context()) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (ConfigurableApplicationContext ctx : List.of(a, b)) {
                    StoreMigrator migrator = ctx.getBean(StoreMigrator.class);
                    runs.add(threads.submit(() -> {
                        start.await();
                        return migrator.migrateAll();
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(2, TimeUnit.MINUTES); // throws with the store named when one failed
                }
            } finally {
                threads.shutdownNow();
            }
        }
        assertThat(Sqlite.strings(folder.resolve("data/trading.db"), "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1", "2");
    }

    /** The application's main class on the test classpath, in its own JVM, with {@code dir} as working directory. */
    private Process tradebatch(int n, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath(), "com.tradebatch.TradebatchApplication"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        for (String v : List.of("TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL", "TRADEBATCH_LOG_FILE")) {
            pb.environment().remove(v);
        }
        return pb.redirectOutput(dir.resolve("out" + n + ".txt").toFile())
                .redirectError(dir.resolve("err" + n + ".txt").toFile()).start();
    }

    /** Surefire names the real test classpath apart from its own booter jar. */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

}
