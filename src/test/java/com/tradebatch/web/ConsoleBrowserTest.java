package com.tradebatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.tradebatch.cli.Cli;
import com.tradebatch.cli.ServeCommand;
import com.tradebatch.schedule.SlowJobConfiguration;
import com.tradebatch.support.TestEnvironment;

/**
 * The web console in a real browser: Debian's chromium, headless, driven by its chromedriver against {@code serve}
 * started for real on a free port. Sign in, launch a candle import of the shipped sample (six hours cut out of it)
 * from the generated form, watch it reach COMPLETED in the self-updating table, open its detail, see the gap drawn
 * where the file has one, the validator's 400 next to the field, and stop and restart of a slow job. Each view is saved under
 * {@code target/screenshots/}. Without chromium and chromedriver the test fails (CI installs them in .ci/run).
 */
class ConsoleBrowserTest {

    private static final String TOKEN = "console-" + Long.toHexString(System.nanoTime());
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(25);

    @TempDir
    Path dir;

    private ConfigurableApplicationContext ctx;
    private Thread serving;
    private WebDriver browser;
    private String base;

    @AfterEach
    void close() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (ctx != null) {
            ctx.close();
            serving.join(30_000);
        }
    }

    @Test
    void signInLaunchWatchDetailCoverageAndValidation() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the console test needs Debian's chromium and chromedriver (%s, %s): "
                        + "apt-get install -y chromium chromium-driver (.ci/run does)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // the shipped sample is complete (744 hourly candles); cut 2025-01-10 00:00..05:00 out of a copy
        Path imports = Files.createDirectories(dir.resolve("import"));
        Path csv = imports.resolve("ETHUSDT-1h-2025-01.csv");
        long gapFrom = 1_736_467_200_000L; // 2025-01-10 00:00 UTC
        List<String> lines = Files.readAllLines(Path.of("samples/ETHUSDT-1h-2025-01.csv"));
        List<String> cut = lines.stream().filter(l -> !l.matches("\\d+,.*") || outside(l, gapFrom, 6)).toList();
        assertThat(lines.size() - cut.size()).isEqualTo(6);
        Files.write(csv, cut);
        Files.writeString(csv, "not,a,candle\n", StandardOpenOption.APPEND); // one reject, for the download link
        Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Path.of("jobs/daily-integrity-check.yml"), dir.resolve("jobs/daily-integrity-check.yml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(SCREENSHOTS);
        serve(new TestEnvironment(dir).set("TRADEBATCH_HTTP_PORT", Integer.toString(freePort()))
                .set("TRADEBATCH_HTTP_BIND", "127.0.0.1").set("TRADEBATCH_API_TOKEN", TOKEN)
                .set("TRADEBATCH_IMPORT_DIRS", imports.toString()));
        // the console's files load without the token; every /api call still needs it
        assertThat(status("/console/index.html", null)).isEqualTo(200);
        assertThat(status("/console/console.js", null)).isEqualTo(200);
        assertThat(status("/api/system/whoami", null)).isEqualTo(401);
        assertThat(status("/api/series/ETHUSDT/1h/coverage", null)).isEqualTo(401);
        assertThat(status("/api/series/ETHUSDT/1x/coverage", TOKEN)).isEqualTo(400);
        assertThat(status("/api/series/NOSUCH/1h/coverage", TOKEN)).isEqualTo(404);
        browser = chromium();
        // the executions table is redrawn as it polls: an element found a moment ago may be gone, look again
        FluentWait<WebDriver> wait = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);

        // the page loads without the token, and asks for it once
        browser.get(base + "/console");
        WebElement token = wait.until(d -> d.findElement(By.id("token")));
        shot("01-sign-in");
        token.sendKeys("wrong");
        browser.findElement(By.id("signin-submit")).click();
        wait.until(d -> d.findElement(By.id("signin-error")).getText().contains("not accepted"));
        token = browser.findElement(By.id("token"));
        token.clear();
        token.sendKeys(TOKEN);
        browser.findElement(By.id("signin-submit")).click();
        wait.until(d -> d.findElement(By.id("who-name")).isDisplayed());
        assertThat(browser.findElement(By.id("who-name")).getText()).isEqualTo("operator");
        assertThat(browser.getPageSource()).doesNotContain(TOKEN);
        wait.until(d -> d.findElement(By.id("executions")));

        // launch: the form comes from the catalog; a path outside the import folders is refused next to the field
        browser.findElement(By.cssSelector("a[data-view=launch]")).click();
        new Select(wait.until(d -> d.findElement(By.id("job")))).selectByValue("candle-import");
        WebElement file = wait.until(d -> d.findElement(By.id("param-file")));
        assertThat(new Select(browser.findElement(By.id("param-format"))).getFirstSelectedOption().getText())
                .isEqualTo("auto");
        assertThat(browser.findElement(By.id("field-format")).getText()).contains("binance");
        file.sendKeys("/etc/passwd");
        browser.findElement(By.id("launch")).click();
        WebElement fileError = wait.until(d -> {
            WebElement e = d.findElement(By.id("error-file"));
            return e.getText().isEmpty() ? null : e;
        });
        assertThat(fileError.getText()).contains("parameter file", "outside the import folders");
        assertThat(browser.findElement(By.id("field-file")).getAttribute("class")).contains("invalid");
        assertThat(browser.findElement(By.id("error-format")).getText()).isEmpty();
        shot("02-launch-400");

        // the real launch: to the execution's detail, then the table shows it COMPLETED
        file.clear();
        file.sendKeys(csv.toString());
        browser.findElement(By.id("launch")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*#/executions/\\d+$"));
        String id = browser.getCurrentUrl().replaceAll(".*/", "");
        browser.findElement(By.cssSelector("a[data-view=executions]")).click();
        By row = By.cssSelector("#executions tr[data-id='" + id + "']");
        wait.until(d -> "COMPLETED".equals(d.findElement(row).getAttribute("data-status"))); // the table polls
        String rowText = wait.until(d -> d.findElement(row).getText());
        assertThat(rowText).contains("candle-import", "738");
        shot("03-executions");

        // the detail: steps with their counts, the report, the rejects; stop disabled, restart disabled (COMPLETED)
        click(wait, row);
        wait.until(d -> d.findElement(By.id("detail-status")).getText().equals("COMPLETED"));
        String steps = browser.findElement(By.id("steps")).getText();
        assertThat(steps).contains("738");
        assertThat(browser.findElement(By.id("detail-parameters")).getText()).contains("file=" + csv);
        assertThat(browser.findElement(By.id("report")).getText()).contains("ETHUSDT", "gaps 6");
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("restart")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("rejects")).getText()).contains("Download rejects");
        shot("04-execution-detail");

        // stop and restart from the detail: the slow test job, launched from the form, shown running with a bar
        browser.findElement(By.cssSelector("a[data-view=launch]")).click();
        new Select(wait.until(d -> d.findElement(By.id("job")))).selectByValue(SlowJobConfiguration.JOB);
        WebElement millis = wait.until(d -> d.findElement(By.id("param-millis")));
        millis.clear();
        millis.sendKeys("60000");
        browser.findElement(By.id("launch")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*#/executions/\\d+$") && !d.getCurrentUrl().endsWith("/" + id));
        String slowId = browser.getCurrentUrl().replaceAll(".*/", "");
        browser.findElement(By.cssSelector("a[data-view=executions]")).click();
        By slowRow = By.cssSelector("#executions tr[data-id='" + slowId + "']");
        wait.until(d -> !d.findElement(slowRow).findElements(By.cssSelector(".progress .bar")).isEmpty());
        shot("05-running");
        click(wait, slowRow);
        wait.until(d -> d.findElement(By.id("stop")).isEnabled());
        click(wait, By.id("stop"));
        wait.until(d -> d.findElement(By.id("detail-status")).getText().equals("STOPPED"));
        wait.until(d -> d.findElement(By.id("restart")).isEnabled());
        click(wait, By.id("restart"));
        wait.until(d -> d.getCurrentUrl().matches(".*#/executions/\\d+$") && !d.getCurrentUrl().endsWith("/" + slowId));
        String restartedWith = wait.until(d -> d.findElement(By.id("detail-parameters")).getText());
        assertThat(restartedWith).contains("millis=60000");
        wait.until(d -> d.findElement(By.id("stop")).isEnabled());
        click(wait, By.id("stop")); // so the run ends before serve does
        wait.until(d -> d.findElement(By.id("detail-status")).getText().equals("STOPPED"));

        // coverage: one red gap of six hours at 9 days of the 31 (2025-01-10 00:00 of 01-01 00:00..02-01 00:00)
        browser.findElement(By.cssSelector("a[data-view=coverage]")).click();
        By series = By.cssSelector("svg.timeline[data-symbol='ETHUSDT'][data-interval='1h']");
        WebElement timeline = wait.until(d -> d.findElement(series));
        List<WebElement> gaps = timeline.findElements(By.cssSelector("rect.gap"));
        assertThat(gaps).hasSize(1);
        WebElement gap = gaps.get(0);
        assertThat(gap.getAttribute("data-after")).isEqualTo("2025-01-09 23:00:00.000000");
        assertThat(gap.getAttribute("data-before")).isEqualTo("2025-01-10 06:00:00.000000");
        assertThat(gap.getAttribute("data-missing")).isEqualTo("6");
        double x = Double.parseDouble(gap.getAttribute("x"));
        assertThat(x).isBetween(1000.0 * 216 / 744 - 0.5, 1000.0 * 216 / 744 + 0.5);
        assertThat(Double.parseDouble(gap.getAttribute("width"))).isBetween(1000.0 * 6 / 744 - 0.5, 1000.0 * 6 / 744 + 0.5);
        // and on screen: the red rectangle sits 29% along the drawn timeline
        double left = timeline.getRect().getX();
        double width = timeline.getRect().getWidth();
        double at = (gap.getRect().getX() - left) / width;
        assertThat(at).as("gap drawn at %.3f of the timeline", at).isBetween(0.28, 0.30);
        assertThat(timeline.findElements(By.cssSelector("rect.loaded"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".coverage[data-symbol='ETHUSDT']")).getText())
                .contains("738 candles of 744 expected", "1 gap");
        shot("06-coverage");
        browser.findElement(By.cssSelector(".coverage[data-symbol='ETHUSDT'] h2 a")).click();
        wait.until(d -> d.findElement(By.id("gaps")).getText().contains("2025-01-09 23:00:00.000000"));
        shot("07-coverage-series");

        // schedules and stores
        browser.findElement(By.cssSelector("a[data-view=schedules]")).click();
        WebElement schedule = wait.until(d -> d.findElement(By.cssSelector("#schedules tr[data-schedule]")));
        assertThat(schedule.getText()).contains("integrity-check", "0 0 5 * * ?");
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("null", "undefined");
        shot("08-schedules");
        browser.findElement(By.cssSelector("a[data-view=stores]")).click();
        WebElement market = wait.until(d -> d.findElement(By.cssSelector("#stores tr[data-store='market']")));
        assertThat(market.getText()).contains("market_data.db", "connected", "%");
        assertThat(browser.findElement(By.id("stores")).getText()).doesNotContain(dir.toString());
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("null", "undefined");
        shot("09-stores");

        // a phone: the same views, narrow
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.findElement(By.cssSelector("a[data-view=executions]")).click();
        wait.until(d -> d.findElement(row));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("the page scrolls sideways on a phone").isEqualTo(false);
        shot("10-phone-executions");
        browser.findElement(By.cssSelector("a[data-view=coverage]")).click();
        wait.until(d -> d.findElement(series));
        shot("11-phone-coverage");

        // sign out forgets the token
        browser.findElement(By.id("sign-out")).click();
        wait.until(d -> d.findElement(By.id("token")));
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.length")).isEqualTo(0L);
    }

    private static void click(FluentWait<WebDriver> wait, By by) {
        wait.until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private static boolean outside(String line, long from, int hours) {
        long open = Long.parseLong(line.substring(0, line.indexOf(',')));
        return open < from || open >= from + hours * 3_600_000L;
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in a container: no sandbox; /dev/shm may be tiny
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--hide-scrollbars", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return driver;
    }

    private void shot(String name) throws IOException {
        Path png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts serve as the command line does, in the background, and waits for its port (as HttpApiTest). */
    private void serve(TestEnvironment env) throws Exception {
        ctx = Cli.startContext(true, env.properties(), SlowJobConfiguration.class);
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        serving = new Thread(() -> exit.set(ctx.getBean(ServeCommand.class).execute(List.of(), out)), "serve");
        serving.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!bytes.toString(StandardCharsets.UTF_8).contains("serving ") && System.currentTimeMillis() < deadline) {
            assertThat(serving.isAlive()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
            Thread.sleep(50);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("HTTP API on " + base);
    }

    private int status(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
