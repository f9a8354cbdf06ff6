package com.tradebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.Sqlite;

/** {@code serve} as the real process: runs a schedule, and SIGTERM stops it gracefully. */
class ServeProcessIT {

    @TempDir
    Path dir;

    @Test
    void serveRunsTheScheduleAndStopsOnSigterm() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("stats.yml"), "job: db-stats\ncron: \"*/2 * * * * ?\"\nparams:\n  databases: trading\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(ProcessIT.javaBin(), "-jar", ProcessIT.jar(), "serve"))
                .directory(dir.toFile());
        for (String v : List.of("TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL", "TRADEBATCH_LOG_FILE", "TRADEBATCH_JOBS_DIR")) {
            pb.environment().remove(v);
        }
        pb.environment().put("TRADEBATCH_HTTP_PORT", "0"); // the schedules only: no web server in this test
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            Path batch = dir.resolve("data/batch.db");
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline && p.isAlive() && completedRuns(batch) < 2) {
                Thread.sleep(200);
            }
            assertThat(completedRuns(batch)).as(Files.readString(out) + Files.readString(err)).isGreaterThanOrEqualTo(2);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("serve ended after SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(stdout).contains("serving 1 schedule(s) from " + dir.resolve("jobs").toRealPath(), "stopping:")
                .containsPattern("stopped: \\d+ run\\(s\\) launched");
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain("Exception");
    }

    private static long completedRuns(Path batch) {
        if (!Files.exists(batch)) {
            return 0;
        }
        try {
            return Sqlite.count(batch, "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'");
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }
}
