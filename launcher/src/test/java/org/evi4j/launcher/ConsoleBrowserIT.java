package org.evi4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless chromium driven by chromedriver) against the jar as users run
 * it, with its HTTP service on a free port. Skipped where chromium or chromedriver is not installed. The steps share
 * one runtime and one browser, in order; the last one saves the screenshot shown in the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ConsoleBrowserIT {

    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chrome.driver", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("chrome.binary", "/usr/bin/chromium"));
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** The bound: a raise from the form shows in the live tail within two seconds. */
    private static final Duration TAIL = Duration.ofSeconds(2);
    private static final String HOSTILE = "<img src=x onerror=\"window.evi4jPwned=1\">";

    private Path work;
    private URI base;
    private LauncherProcess runtime;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startRuntimeAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "no " + CHROMIUM + " / " + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)");
        work = Files.createTempDirectory(Path.of("/tmp"), "evi4j-console");
        Path etc = Files.createDirectories(work.resolve("etc"));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port + "/");
        Files.writeString(etc.resolve("org.evi4j.core.cfg"),
                "published_events = E_DEMO, E_CALL_SETUP, E_PIKE_BLOCKED\n");
        // two live tails at most (the browser's and one more), and a browser that does not read for 2 s is dropped
        Files.writeString(etc.resolve("org.evi4j.webconsole.cfg"), "max_clients = 2\nslow_client_ms = 2000\n");
        Files.writeString(etc.resolve("org.apache.felix.http.cfg"), "org.osgi.service.http.port = " + port
                + "\norg.apache.felix.http.host = 127.0.0.1\n");
        runtime = LauncherProcess.start(work, "runtime", "run", "--etc", etc.toString(), "--data", "data");
        org.awaitility.Awaitility.await().atMost(STARTUP).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    if (!runtime.isAlive()) {
                        throw new AssertionError("the runtime exited:\n" + runtime.output());
                    }
                    return mi("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}").contains("evi4j");
                });
        browser = chrome();
    }

    private static WebDriver chrome() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no sandbox: CI runs as root (TOOLCHAIN G28); one argument per string, the size holds a comma
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1366,768");
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @Order(1)
    void rootLandsOnTheConsoleWhichListsThePublishedEvents() {
        browser.get(base.toString());
        assertThat(browser.getTitle()).isEqualTo("evi4j console");
        waitFor(Duration.ofSeconds(10), () -> eventRow("E_CALL_SETUP") != null);
        assertThat(eventRow("E_DEMO").getText()).startsWith("E_DEMO");
        waitFor(Duration.ofSeconds(10), () -> browser.findElement(By.id("link")).getText().equals("live"));
    }

    @Test
    @Order(2)
    void aSubscribeFromTheFormAddsARow() {
        new Select(browser.findElement(By.id("sub-event"))).selectByValue("E_CALL_SETUP");
        browser.findElement(By.id("sub-socket")).sendKeys("udp:127.0.0.1:9");
        browser.findElement(By.cssSelector("#subscribe-form button[type=submit]")).click();
        waitFor(Duration.ofSeconds(5), () -> subscriberRows().stream()
                .anyMatch(r -> r.getText().startsWith("E_CALL_SETUP udp:127.0.0.1:9 ")));
        assertThat(mi("{\"jsonrpc\":\"2.0\",\"method\":\"subscribers_list\",\"params\":[\"E_CALL_SETUP\"],\"id\":2}"))
                .contains("udp:127.0.0.1:9");
    }

    @Test
    @Order(3)
    void aRaiseFromTheFormShowsInTheLiveTailWithinTwoSeconds() {
        new Select(browser.findElement(By.id("raise-event"))).selectByValue("E_CALL_SETUP");
        browser.findElement(By.id("raise-params")).sendKeys("{\"caller\":\"alice\",\"callee\":\"bob\",\"n\":7}");
        browser.findElement(By.cssSelector("#raise-form button[type=submit]")).click();
        waitFor(TAIL, () -> tailLines().stream().anyMatch(l -> l.contains("E_CALL_SETUP")
                && l.contains("caller=\"alice\"") && l.contains("n=7")));
    }

    @Test
    @Order(4)
    void aHostileParameterIsShownAsTextAndNeverRuns() {
        // the MI raises only events someone listens to (OpenSIPS: 480 otherwise)
        subscribe("E_PIKE_BLOCKED", "udp:127.0.0.1:7");
        assertThat(mi("{\"jsonrpc\":\"2.0\",\"method\":\"raise_event\",\"params\":{\"event\":\"E_PIKE_BLOCKED\","
                + "\"params\":{\"ip\":\"192.0.2.7\",\"note\":" + json(HOSTILE) + "}},\"id\":3}"))
                .contains("\"result\"");
        waitFor(Duration.ofSeconds(5), () -> tailLines().stream().anyMatch(l -> l.contains(HOSTILE)));
        assertThat(browser.findElements(By.cssSelector("#tail img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.evi4jPwned === undefined"))
                .isEqualTo(true);
    }

    @Test
    @Order(5)
    void screenshot() throws IOException {
        subscribe("E_DEMO", "udp:127.0.0.1:9");
        // a few bursts, each waited for in the tail, so that the chart has more than one second to draw
        for (int burst = 1; burst <= 3; burst++) {
            for (int i = 1; i <= 4 * burst; i++) {
                mi("{\"jsonrpc\":\"2.0\",\"method\":\"raise_event\",\"params\":{\"event\":\"E_DEMO\",\"params\":"
                        + "{\"caller\":\"carol\",\"burst\":" + burst + ",\"n\":" + i + "}},\"id\":4}");
            }
            String last = "burst=" + burst + " n=" + 4 * burst;
            waitFor(Duration.ofSeconds(5), () -> tailLines().stream().anyMatch(l -> l.contains(last)));
        }
        waitFor(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector("#legend .key")).isEmpty()
                && eventRow("E_DEMO").getText().startsWith("E_DEMO 24 "));
        Path png = Path.of(System.getProperty("console.screenshot", "target/console.png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    /** The live tail is bounded in clients too: the browser holds one, one more fits, the third gets 503. */
    @Test
    @Order(6)
    void liveTailsBeyondMaxClientsGet503() throws Exception {
        waitFor(Duration.ofSeconds(5), () -> browser.findElement(By.id("link")).getText().equals("live"));
        HttpResponse<java.io.InputStream> second = http.send(HttpRequest.newBuilder(base.resolve("console/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream stream = second.body()) {
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(tailStatus()).isEqualTo(503);
        }
    }

    /**
     * A browser that stops reading is dropped (slow_client_ms 2 s here) rather than buffered for: a connection with a
     * 4 KiB receive buffer that never reads, fed 60 KB events, loses its place, and a new live tail fits again.
     */
    @Test
    @Order(7)
    void aLiveTailThatDoesNotReadIsDropped() throws Exception {
        try (java.net.Socket slow = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).until(this::slowTail, java.util.Objects::nonNull)) {
            assertThat(tailStatus()).isEqualTo(503); // the browser's and the slow one: max_clients reached
            // bursts of 60 KB events, each waited for in the browser's tail (it reads): the slow tail gets one
            // batch per flush until its connection's buffers are full, however large the kernel lets them grow
            String blob = "x".repeat(60_000);
            for (int burst = 1; burst <= 8; burst++) {
                for (int i = 0; i < 25; i++) {
                    assertThat(mi("{\"jsonrpc\":\"2.0\",\"method\":\"raise_event\",\"params\":{\"event\":\"E_DEMO\","
                            + "\"params\":{\"burst\":" + burst + ",\"blob\":\"" + blob + "\"}},\"id\":6}"))
                            .contains("\"result\"");
                }
                String shown = "burst=" + burst + " ";
                waitFor(Duration.ofSeconds(5), () -> browser.findElement(By.cssSelector("#tail li")).getText()
                        .contains(shown));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> tailStatus() == 200);
        }
    }

    /**
     * A live tail that reads its status line and then nothing more, through a 4 KiB receive buffer; {@code null}
     * when it got no 200 (a closed tail of the step before may hold the place until a flush finds it gone).
     */
    private java.net.Socket slowTail() throws IOException {
        java.net.Socket slow = new java.net.Socket();
        slow.setReceiveBufferSize(4096);
        slow.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        slow.setSoTimeout(5000);
        slow.getOutputStream().write(("GET /console/events HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] status = slow.getInputStream().readNBytes(12);
        if (new String(status, java.nio.charset.StandardCharsets.US_ASCII).equals("HTTP/1.1 200")) {
            return slow;
        }
        slow.close();
        return null;
    }

    /** Opens a live tail, closes it at once, and gives its status. */
    private int tailStatus() throws Exception {
        HttpResponse<java.io.InputStream> tail = http.send(HttpRequest.newBuilder(base.resolve("console/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        tail.body().close();
        return tail.statusCode();
    }

    private void subscribe(String event, String socket) {
        assertThat(mi("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":[\"" + event + "\",\"" + socket
                + "\"],\"id\":5}")).contains("\"result\":\"OK\"");
    }

    private WebElement eventRow(String name) {
        return browser.findElements(By.cssSelector("#events tbody tr")).stream()
                .filter(r -> name.equals(r.getAttribute("data-event"))).findFirst().orElse(null);
    }

    private List<WebElement> subscriberRows() {
        return browser.findElements(By.cssSelector("#subscribers tbody tr[data-socket]"));
    }

    private List<String> tailLines() {
        return browser.findElements(By.cssSelector("#tail li")).stream().map(WebElement::getText).toList();
    }

    private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, timeout, Duration.ofMillis(50)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.getAsBoolean());
    }

    private String mi(String request) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("mi")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
