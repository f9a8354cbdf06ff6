package com.tradebatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.cli.Cli;
import com.tradebatch.cli.ServeCommand;
import com.tradebatch.schedule.SlowJobConfiguration;
import com.tradebatch.support.CandleFiles;
import com.tradebatch.support.TestEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API of {@code serve}, started for real in-process on a free port and called with a real HTTP client:
 * launches, validation, no second run, stop and restart, security, path confinement, problem+json, actuator.
 */
class HttpApiTest {

    private static final String TOKEN = "t0ken-" + Long.toHexString(System.nanoTime());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Thread> serving = new ArrayList<>();
    private String base;

    @AfterEach
    void stopServe() throws InterruptedException {
        contexts.forEach(ConfigurableApplicationContext::close); // what SIGTERM does
        for (Thread t : serving) {
            t.join(30_000);
        }
    }

    @Test
    void launchesValidatesRefusesASecondRunStopsRestartsAndConfinesPaths() throws Exception {
        Path imports = Files.createDirectories(dir.resolve("import"));
        Path candles = CandleFiles.binance(imports.resolve("BTCUSDT-1m-2024.csv"), 1_704_067_200_000L, 60_000L, 1_000);
        Files.writeString(candles, "not,a,candle\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("outside.csv"), CandleFiles.binanceLine(1_704_067_200_000L, 60_000L, 0) + "\n");
        serve(env().set("TRADEBATCH_API_TOKEN", TOKEN).set("TRADEBATCH_IMPORT_DIRS", imports.toString()));

        // health needs no token and shows each store, never its details
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode stores = json(health).path("components").path("stores").path("components");
        for (String store : List.of("trading", "market", "analytics", "batch")) {
            assertThat(stores.path(store).path("status").asString()).as(health.body()).isEqualTo("UP");
        }
        assertThat(health.body()).doesNotContain(dir.toString());

        // system info: the health command's block, nothing secret
        HttpResponse<String> info = get("/api/system/info", TOKEN);
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        JsonNode infoJson = json(info);
        assertThat(infoJson.path("status").asString()).isEqualTo("healthy");
        assertThat(infoJson.path("databases").path("market").asString()).isEqualTo("connected");
        assertThat(infoJson.path("urls").path("batch").asString()).startsWith("sqlite:");
        assertThat(info.body()).doesNotContain(TOKEN).doesNotContainIgnoringCase("password");

        // the catalog
        JsonNode jobs = json(get("/api/jobs", TOKEN));
        JsonNode candleImport = find(jobs, "candle-import");
        JsonNode file = find(candleImport.path("parameters"), "file");
        assertThat(file.path("type").asString()).isEqualTo("path");
        assertThat(file.path("required").asBoolean()).isTrue();
        JsonNode format = find(candleImport.path("parameters"), "format");
        assertThat(format.path("default").asString()).isEqualTo("auto");
        assertThat(format.path("choices").toString()).contains("binance", "generic");
        assertThat(candleImport.path("description").asString()).isNotEmpty();

        // a candle import of a generated file, polled to COMPLETED
        HttpResponse<String> launched = post("/api/jobs/candle-import/executions", Map.of("file", candles.toString()));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        long id = json(launched).path("id").asLong();
        assertThat(json(launched).path("url").asString()).isEqualTo("/api/executions/" + id);
        assertThat(launched.headers().firstValue("Location")).contains("/api/executions/" + id);
        JsonNode done = awaitStatus(id, "COMPLETED");
        assertThat(done.path("job").asString()).isEqualTo("candle-import");
        assertThat(done.path("parameters").path("file").asString()).isEqualTo(candles.toString());
        long written = 0;
        long skipped = 0;
        for (JsonNode step : done.path("steps")) {
            written += step.path("written").asLong();
            skipped += step.path("skipped").asLong();
            assertThat(step.has("commits")).isTrue();
        }
        assertThat(written).isEqualTo(1_000);
        assertThat(skipped).isEqualTo(1);
        String rejectsUrl = done.path("rejects").asString();
        assertThat(rejectsUrl).isEqualTo("/api/executions/" + id + "/rejects");
        HttpResponse<String> rejects = get(rejectsUrl, TOKEN);
        assertThat(rejects.statusCode()).isEqualTo(200);
        assertThat(rejects.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(rejects.body()).contains("not,a,candle");
        JsonNode series = json(get("/api/series", TOKEN)).path("series");
        assertThat(series.toString()).contains("BTCUSDT");
        assertThat(find(series, "symbol", "BTCUSDT").path("totalCandles").asLong()).isEqualTo(1_000);

        // a bad parameter: 400 naming it, with the command line's message, as problem+json
        HttpResponse<String> bad = post("/api/jobs/candle-import/executions", Map.of("file", candles.toString(), "format", "excel"));
        assertProblem(bad, 400);
        assertThat(json(bad).path("parameter").asString()).isEqualTo("format");
        assertThat(json(bad).path("detail").asString()).startsWith("candle-import: parameter format: 'excel' is not one of");
        HttpResponse<String> missing = post("/api/jobs/candle-import/executions", Map.of());
        assertProblem(missing, 400);
        assertThat(json(missing).path("parameter").asString()).isEqualTo("file");
        HttpResponse<String> unknown = post("/api/jobs/candle-import/executions", Map.of("file", candles.toString(), "colour", "red"));
        assertThat(json(unknown).path("parameter").asString()).isEqualTo("colour");
        assertProblem(post("/api/jobs/no-such-job/executions", Map.of()), 404);

        // path confinement: ../ and absolute paths outside the import folders
        for (String outside : List.of(imports + "/../outside.csv", dir.resolve("outside.csv").toString(), "/etc/passwd",
                "../outside.csv", dir + "/*.csv")) {
            HttpResponse<String> refused = post("/api/jobs/candle-import/executions", Map.of("file", outside));
            assertProblem(refused, 400);
            assertThat(json(refused).path("parameter").asString()).as(outside).isEqualTo("file");
            assertThat(json(refused).path("detail").asString()).contains("outside the import folders");
        }

        // the same job with the same parameters already running: 409, never a second run
        HttpResponse<String> slow = post("/api/jobs/slow-test/executions", Map.of("millis", 6000));
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(202);
        long slowId = json(slow).path("id").asLong();
        HttpResponse<String> again = post("/api/jobs/slow-test/executions", Map.of("millis", "6000"));
        assertProblem(again, 409);
        assertThat(json(again).path("detail").asString()).contains("already running");
        assertThat(json(get("/api/executions?job=slow-test", TOKEN)).path("executions")).hasSize(1);

        // stop: STOPPED at the next boundary; restart: a new execution that finishes the rest
        Thread.sleep(500);
        HttpResponse<String> stop = post("/api/executions/" + slowId + "/stop", null);
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        awaitStatus(slowId, "STOPPED");
        assertProblem(post("/api/executions/" + slowId + "/stop", null), 409);
        HttpResponse<String> restarted = post("/api/executions/" + slowId + "/restart", null);
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
        long restartId = json(restarted).path("id").asLong();
        assertThat(restartId).isGreaterThan(slowId);
        assertThat(json(restarted).path("parameters").path("millis").asString()).isEqualTo("6000");
        awaitStatus(restartId, "COMPLETED");
        assertProblem(post("/api/executions/" + restartId + "/restart", null), 400);

        // the list: newest first, filtered and paged
        JsonNode page = json(get("/api/executions?limit=2", TOKEN));
        assertThat(page.path("executions")).hasSize(2);
        assertThat(page.path("executions").get(0).path("id").asLong()).isEqualTo(restartId);
        assertThat(page.path("executions").get(1).path("id").asLong()).isEqualTo(slowId);
        String next = page.path("next").asString();
        assertThat(next).contains("before=" + slowId);
        JsonNode second = json(get(next, TOKEN));
        assertThat(second.path("executions").get(0).path("id").asLong()).isEqualTo(id);
        JsonNode stopped = json(get("/api/executions?status=stopped&job=slow-test", TOKEN)).path("executions");
        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0).path("id").asLong()).isEqualTo(slowId);
        assertProblem(get("/api/executions?limit=0", TOKEN), 400);
        assertProblem(get("/api/executions/987654", TOKEN), 404);

        // the other views
        assertThat(get("/api/schedules", TOKEN).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/backups", TOKEN)).has("trading")).isTrue();

        // metrics: Spring Batch's own through Micrometer, behind the token
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> prometheus = get("/actuator/prometheus", TOKEN);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("spring_batch_job", "job_name=\"candle-import\"".replace("job_name", "spring_batch_job_name"));
    }

    @Test
    void everyCallWithoutTheRightTokenIs401() throws Exception {
        serve(env().set("TRADEBATCH_API_TOKEN", TOKEN));
        for (String token : new String[] {null, "wrong", TOKEN + "x"}) {
            HttpResponse<String> r = get("/api/jobs", token);
            assertProblem(r, 401);
            assertThat(r.body()).doesNotContain(TOKEN);
        }
        assertProblem(post("/api/jobs/db-stats/executions", Map.of(), "wrong"), 401);
        assertProblem(post("/api/jobs/db-stats/executions", Map.of(), null), 401);
        assertThat(get("/api/jobs", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void withNoTokenConfiguredServeSaysSoAndRefusesEveryApiCall() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)); // logback's console writes to System.err
        try {
            serve(env().set("TRADEBATCH_API_TOKEN", ""));
        } finally {
            System.setErr(stderr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("TRADEBATCH_API_TOKEN is not set: the HTTP API refuses every call with 401");
        for (String token : new String[] {null, "", "anything"}) {
            assertProblem(get("/api/system/info", token), 401);
        }
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyServeStartsAWebServer() throws Exception {
        int port = freePort();
        TestEnvironment env = env(port).set("TRADEBATCH_API_TOKEN", TOKEN)
                .set("spring.main.web-application-type", "servlet"); // even when asked, a command starts none
        try (ConfigurableApplicationContext ctx = Cli.startContext(false, env.properties())) {
            assertThat(ctx).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(listening(port)).isFalse();
        }
        // a plain run: the job runs, no port opens meanwhile
        TestEnvironment.Result r = env.run("run", "db-stats", "databases=trading");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(listening(port)).isFalse();
        // serve with TRADEBATCH_HTTP_PORT=0: no HTTP at all
        try (ConfigurableApplicationContext ctx = Cli.startContext(true, env.set("TRADEBATCH_HTTP_PORT", "0").properties())) {
            assertThat(ctx).isNotInstanceOf(WebServerApplicationContext.class);
        }
        // serve binds the configured port, on 127.0.0.1 by default
        try (ConfigurableApplicationContext ctx = Cli.startContext(true, env.set("TRADEBATCH_HTTP_PORT", Integer.toString(port)).properties())) {
            assertThat(ctx).isInstanceOf(WebServerApplicationContext.class);
            assertThat(((WebServerApplicationContext) ctx).getWebServer().getPort()).isEqualTo(port);
            assertThat(ctx.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(listening(port)).isTrue();
        }
    }

    // --- helpers

    private TestEnvironment env() throws IOException {
        return env(freePort());
    }

    private TestEnvironment env(int port) {
        return new TestEnvironment(dir).set("TRADEBATCH_HTTP_PORT", Integer.toString(port))
                .set("TRADEBATCH_HTTP_BIND", "127.0.0.1").set("TRADEBATCH_IMPORT_DIRS", dir.resolve("import").toString());
    }

    /** Starts serve as the command line does, in the background, and waits for its port. */
    private void serve(TestEnvironment env) throws Exception {
        ConfigurableApplicationContext ctx = Cli.startContext(true, env.properties(), SlowJobConfiguration.class);
        contexts.add(ctx);
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(ctx.getBean(ServeCommand.class).execute(List.of(), out)), "serve");
        t.start();
        serving.add(t);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!bytes.toString(StandardCharsets.UTF_8).contains("serving ") && System.currentTimeMillis() < deadline) {
            assertThat(t.isAlive()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
            Thread.sleep(50);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("HTTP API on http://127.0.0.1:" + port);
    }

    private JsonNode awaitStatus(long id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode e = null;
        while (System.currentTimeMillis() < deadline) {
            e = json(get("/api/executions/" + id, TOKEN));
            if (status.equals(e.path("status").asString())) {
                return e;
            }
            assertThat(e.path("status").asString()).as(e.toString()).isIn("STARTING", "STARTED", "STOPPING", status);
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " not " + status + ": " + e);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return ApiCalls.get(base + path, token);
    }

    private HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return post(path, body, TOKEN);
    }

    private HttpResponse<String> post(String path, Map<String, ?> body, String token) throws Exception {
        return ApiCalls.post(base + path, body, token);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("title").asString()).isNotEmpty();
        assertThat(p.path("detail").asString()).isNotEmpty();
    }

    private static JsonNode find(JsonNode array, String name) {
        return find(array, "name", name);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
