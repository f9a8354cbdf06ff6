package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tradebatch}, the launcher with a class-data-sharing archive: the first run extracts the jar and records
 * the archive, later runs use it, a rebuilt jar is extracted again; output and exit codes are the jar's own.
 */
class LauncherIT {

    @TempDir
    Path dir;

    Path jar;
    Path cds;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void copyTheJar() throws IOException {
        // a copy of its own: the test touches it to play a rebuild
        jar = dir.resolve("build/tradebatch.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("target/tradebatch.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        cds = dir.resolve("cds");
    }

    Run launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of(), args);
    }

    Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of("bin/tradebatch").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        for (String v : List.of("TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL", "TRADEBATCH_LOG_FILE", "JAVA_OPTS", "TRADEBATCH_CDS")) {
            pb.environment().remove(v);
        }
        pb.environment().put("TRADEBATCH_JAR", jar.toString());
        pb.environment().put("TRADEBATCH_CDS_DIR", cds.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        // generous: the first launch after a build extracts the jar and records the archive with a training run
        // before the command itself, three JVMs in a row on a machine that may be busy
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void firstRunRecordsTheArchiveLaterRunsUseItWithTheJarsOwnOutput() throws Exception {
        // the README's first command
        Path sample = Path.of("samples/ETHUSDT-1h-2025-01.csv").toAbsolutePath();
        Run first = launch("run", "candle-import", "file=" + sample);
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("candle-import: execution 1 COMPLETED").contains("written 744");
        assertThat(cds.resolve("app/tradebatch.jar")).exists();
        if (jvmCanShareClasses()) {
            assertThat(cds.resolve("tradebatch.jsa")).isNotEmptyFile();
        }
        try (var left = Files.list(cds)) {
            // nothing half-done left behind: no extraction folder, no archive being recorded
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> n.equals("app") || n.equals("tradebatch.jsa"));
        }

        Run second = launch("executions");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("candle-import", "COMPLETED").doesNotContainIgnoringCase("cds")
                .doesNotContainIgnoringCase("warning");
        assertThat(second.err()).isEmpty();

        Run stats = launch("run", "db-stats");
        assertThat(stats.exit()).as(stats.toString()).isZero();
        assertThat(stats.out()).startsWith("db-stats: execution 2 COMPLETED").contains("744");

        Run usage = launch("run", "db-stats", "bogus=1");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("bogus");
    }

    @Test
    void aRebuiltJarIsExtractedAgainAndItsArchiveRecordedAfresh() throws Exception {
        assertThat(launch("jobs").exit()).isZero();
        FileTime extracted = Files.getLastModifiedTime(cds.resolve("app/tradebatch.jar"));
        Path archive = cds.resolve("tradebatch.jsa");
        FileTime recorded = Files.exists(archive) ? Files.getLastModifiedTime(archive) : null;

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run afterRebuild = launch("jobs");
        assertThat(afterRebuild.exit()).as(afterRebuild.toString()).isZero();
        assertThat(afterRebuild.out()).contains("pg-migrate", "candle-import");
        assertThat(Files.getLastModifiedTime(cds.resolve("app/tradebatch.jar"))).isNotEqualTo(extracted)
                .isEqualTo(Files.getLastModifiedTime(jar));
        if (jvmCanShareClasses()) {
            assertThat(Files.getLastModifiedTime(archive)).isNotEqualTo(recorded);
        }
    }

    @Test
    void withoutTheArchiveItIsPlainJavaJar() throws Exception {
        Run r = launch(Map.of("TRADEBATCH_CDS", "off"), "jobs");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("pg-migrate");
        assertThat(cds).doesNotExist();
    }

    /** Whether this JVM has the JDK's base class-data archive, which an application archive builds on. */
    static boolean jvmCanShareClasses() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
