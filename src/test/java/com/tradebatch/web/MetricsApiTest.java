package com.tradebatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.cli.Cli;
import com.tradebatch.cli.ServeCommand;
import com.tradebatch.schedule.SlowJobConfiguration;
import com.tradebatch.support.TestEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator's Prometheus and the console read from a real {@code serve} on a free port: the schedules as
 * the running scheduler has them, tradebatch's gauges (rows/s of a running step, age of each schedule's last
 * success), Spring Batch's own metrics, Quartz in the health, and a launch refused with 503 when every launch
 * thread is busy.
 */
class MetricsApiTest {

    private static final String TOKEN = "m3trics-" + Long.toHexString(System.nanoTime());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private ConfigurableApplicationContext context;
    private Thread serving;
    private String base;

    @AfterEach
    void stopServe() throws InterruptedException {
        if (context != null) {
            context.close(); // what SIGTERM does
            serving.join(30_000);
        }
    }

    @Test
    void schedulesGaugesHealthAndAFullLaunchPool() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        // yearly but never ran: catches up at start, so it has a last success
        Files.writeString(jobs.resolve("stats.yml"), "job: db-stats\ncron: \"0 0 3 1 1 ?\"\nparams: {databases: trading}\ncatch-up: true\n");
        // never ran and does not catch up: no last success
        Files.writeString(jobs.resolve("nightly-backup.yml"), "job: backup\ncron: \"0 30 2 * * ?\"\ncatch-up: false\n");
        Files.writeString(jobs.resolve("off.yml"), "job: db-stats\ncron: \"0 0 4 * * ?\"\nenabled: false\n");
        Files.writeString(jobs.resolve("bad-cron.yml"), "# comment\njob: backup\ncron: \"0 0 25 * * ?\"\n");
        serve(new TestEnvironment(dir).set("TRADEBATCH_HTTP_PORT", Integer.toString(freePort()))
                .set("TRADEBATCH_HTTP_BIND", "127.0.0.1").set("TRADEBATCH_API_TOKEN", TOKEN)
                .set("tradebatch.schedule.jobs-dir", jobs.toString()).set("TRADEBATCH_LAUNCH_MAX_RUNNING", "1"));
        // a file added after serve started is not scheduled: the API shows what the scheduler runs
        Files.writeString(jobs.resolve("late.yml"), "job: db-stats\ncron: \"0 0 5 * * ?\"\n");

        // health: Quartz's scheduler beside the stores
        JsonNode health = json(get("/actuator/health", null));
        assertThat(health.path("components").path("quartz").path("status").asString()).as(health.toString()).isEqualTo("UP");

        // schedules: trigger fire times, last result once the catch-up run is done, problems with file and line
        JsonNode stats = awaitLastResult("stats", "COMPLETED");
        JsonNode body = json(get("/api/schedules", TOKEN));
        assertThat(body.path("serving").asBoolean()).isTrue();
        assertThat(names(body.path("schedules"))).containsExactly("nightly-backup", "off", "stats");
        assertThat(stats.path("lastResult").path("endTime").asString()).isNotEmpty();
        assertThat(stats.path("lastResult").path("url").asString()).startsWith("/api/executions/");
        assertThat(stats.path("lastSuccess").asString()).isEqualTo(stats.path("lastResult").path("endTime").asString());
        JsonNode backup = find(body.path("schedules"), "nightly-backup");
        assertThat(backup.path("lastResult").isNull()).isTrue();
        assertThat(backup.path("lastSuccess").isNull()).isTrue();
        assertThat(backup.path("nextFireTimes")).hasSize(3);
        OffsetDateTime first = OffsetDateTime.parse(backup.path("nextFireTimes").get(0).asString());
        assertThat(first.getHour()).isEqualTo(2);
        assertThat(first.getMinute()).isEqualTo(30);
        assertThat(first).isAfter(OffsetDateTime.now()).isBefore(OffsetDateTime.now().plusDays(1));
        assertThat(find(body.path("schedules"), "off").path("nextFireTimes")).isEmpty();
        assertThat(body.path("problems")).hasSize(1);
        JsonNode problem = body.path("problems").get(0);
        assertThat(problem.path("file").asString()).isEqualTo("bad-cron.yml");
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("message").asString()).contains("bad cron '0 0 25 * * ?'");

        // a job reporting progress runs: its rows/s is on the scrape while it runs
        HttpResponse<String> launched = post("/api/jobs/progress-test/executions", Map.of("slices", 40));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        long id = json(launched).path("id").asLong();
        String rate = "tradebatch_step_rows_per_second{job=\"progress-test\",step=\"progress-step\"}";
        String scrape = awaitScrape(rate); // once the first slice is done
        assertThat(value(scrape, rate)).isBetween(1_000.0, 20_000.0); // 1,000 rows per 100 ms slice

        // one launch thread (TRADEBATCH_LAUNCH_MAX_RUNNING=1), busy: a second launch is refused with 503
        HttpResponse<String> refused = post("/api/jobs/slow-test/executions", Map.of("millis", 200));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(refused).path("status").asInt()).isEqualTo(503);
        assertThat(json(refused).path("detail").asString())
                .contains("slow-test not launched", "tradebatch.launch.max-running", "already running");

        // gauges: last success age per schedule (NaN when never), Spring Batch's own metrics
        String age = "tradebatch_schedule_last_success_age_seconds{job=\"db-stats\",schedule=\"stats\"}";
        assertThat(value(scrape, age)).isBetween(0.0, 300.0);
        assertThat(scrape).contains("tradebatch_schedule_last_success_age_seconds{job=\"backup\",schedule=\"nightly-backup\"} NaN")
                .doesNotContain("schedule=\"late\"")
                .contains("spring_batch_job_seconds_count{", "spring_batch_job_name=\"db-stats\"",
                        "spring_batch_step_seconds_count{", "spring_batch_step_job_name=\"db-stats\"");

        // the step ended: no rows/s for it any more, and the launch thread is free again
        awaitStatus(id, "COMPLETED");
        assertThat(get("/actuator/prometheus", TOKEN).body()).doesNotContain(rate);
        HttpResponse<String> again = post("/api/jobs/slow-test/executions", Map.of("millis", 200));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        awaitStatus(json(again).path("id").asLong(), "COMPLETED");
    }

    // --- helpers

    private void serve(TestEnvironment env) throws Exception {
        context = Cli.startContext(true, env.properties(), SlowJobConfiguration.class, ProgressJobConfiguration.class);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ServeCommand serve = context.getBean(ServeCommand.class);
        serving = new Thread(() -> serve.execute(List.of(), out), "serve");
        serving.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!bytes.toString(StandardCharsets.UTF_8).contains("serving ") && System.currentTimeMillis() < deadline) {
            assertThat(serving.isAlive()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
            Thread.sleep(50);
        }
    }

    private JsonNode awaitLastResult(String schedule, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode s = null;
        while (System.currentTimeMillis() < deadline) {
            s = find(json(get("/api/schedules", TOKEN)).path("schedules"), schedule);
            if (status.equals(s.path("lastResult").path("status").asString())) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("schedule " + schedule + " has no last result " + status + ": " + s);
    }

    /** The scrape once it has the series with a value above 0. */
    private String awaitScrape(String series) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = get("/actuator/prometheus", TOKEN);
            assertThat(r.statusCode()).isEqualTo(200);
            body = r.body();
            if (body.contains(series + " ") && value(body, series) > 0) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + series + " in the scrape:\n" + body);
    }

    private void awaitStatus(long id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String now = null;
        while (System.currentTimeMillis() < deadline) {
            now = json(get("/api/executions/" + id, TOKEN)).path("status").asString();
            if (status.equals(now)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " is " + now + ", not " + status);
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return ApiCalls.get(base + path, token);
    }

    private HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return ApiCalls.post(base + path, body, TOKEN);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asString()).toList();
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (name.equals(n.path("name").asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
