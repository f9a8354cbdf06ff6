package com.tradebatch.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.cli.Cli;

/**
 * A tradebatch installation in a temporary folder: the four stores as real SQLite files under {@code dir/data},
 * configured through the same variables a user sets. Commands run in-process through the real command line.
 */
public class TestEnvironment {

    private final Path dir;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public TestEnvironment(Path dir) {
        this.dir = dir;
        properties.put("tradebatch.store.base-dir", dir.toString());
        properties.put("TRADEBATCH_LOG_FILE", dir.resolve("logs/tradebatch.log").toString());
        properties.put("logging.file.name", dir.resolve("logs/tradebatch.log").toString());
        for (String v : new String[] {"TRADING_DATABASE_URL", "MARKET_DATABASE_URL", "ANALYTICS_DATABASE_URL",
                "BATCH_DATABASE_URL", "DATABASE_URL"}) {
            properties.put(v, ""); // the machine's own variables must not leak into a test
        }
        properties.put("TRADEBATCH_REJECTS_DIR", dir.resolve("data/rejects").toString());
        properties.put("TRADEBATCH_BACKUP_DIR", dir.resolve("backups").toString());
        properties.put("TRADEBATCH_JOBS_DIR", dir.resolve("jobs").toString());
    }

    public Path dir() {
        return dir;
    }

    public Path file(String relative) {
        return dir.resolve(relative);
    }

    /** Sets a variable as a user would export it. */
    public TestEnvironment set(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Result run(String... args) {
        return runWith(new Class<?>[0], args);
    }

    public Result runWith(Class<?>[] extraSources, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), properties, extraSources);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public ConfigurableApplicationContext context(Class<?>... extraSources) {
        return Cli.startContext(properties, extraSources);
    }

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
