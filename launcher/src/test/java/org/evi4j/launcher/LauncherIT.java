package org.evi4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.evi4j.launcher.internal.cli.MiClient;
import org.evi4j.launcher.internal.cli.SocketSpec;
import org.evi4j.miclient.MiReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The jar as users run it: {@code run} as a child process with its own {@code --etc}, driven with the {@code mi}
 * and {@code listen} commands of the same jar. The steps share one runtime, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class LauncherIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private Path work;
    private Path etc;
    private SocketSpec miUdp;
    private SocketSpec miUnix;
    private int httpPort;
    private LauncherProcess runtime;

    @BeforeAll
    void writeConfiguration() throws IOException {
        // under /tmp: AF_UNIX paths are limited to 107 bytes
        work = Files.createTempDirectory(Path.of("/tmp"), "evi4j-it");
        etc = Files.createDirectories(work.resolve("etc"));
        miUdp = SocketSpec.parse("udp:127.0.0.1:" + freeUdpPort());
        miUnix = SocketSpec.unix(work.resolve("mi.sock"));
        Files.writeString(etc.resolve("org.evi4j.core.cfg"), "published_events = E_DEMO\n");
        Files.writeString(etc.resolve("org.evi4j.mi.datagram-udp.cfg"), "socket_name = " + miUdp + "\n");
        Files.writeString(etc.resolve("org.evi4j.mi.datagram-unix.cfg"), "socket_name = " + miUnix + "\n");
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            httpPort = free.getLocalPort();
        }
        Files.writeString(etc.resolve("org.apache.felix.http.cfg"), "org.osgi.service.http.port = " + httpPort
                + "\norg.apache.felix.http.host = 127.0.0.1\n");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @Order(1)
    void startsAndAnswersVersionOnBothMiSockets() throws Exception {
        long start = System.nanoTime();
        runtime = LauncherProcess.start(work, "runtime", "run", "--etc", etc.toString(), "--data", "data");
        awaitVersion(miUdp);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[LauncherIT] MI answered version " + millis + " ms after the process started");
        awaitVersion(miUnix);
        assertThat(call(miUdp, "events_list").text()).contains("E_DEMO");
    }

    /** The HTTP service from etc/org.apache.felix.http.cfg: its address printed, the MI and /metrics served. */
    @Test
    @Order(2)
    void servesTheMiAndMetricsOverHttp() throws Exception {
        java.net.URI base = java.net.URI.create("http://127.0.0.1:" + httpPort + "/");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest version = java.net.http.HttpRequest.newBuilder(base.resolve("mi"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}")).build();
        org.awaitility.Awaitility.await().atMost(STARTUP).ignoreExceptions().until(() -> client.send(version,
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        assertThat(client.send(version, java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                .startsWith("{\"jsonrpc\":\"2.0\",\"result\":{\"Server\":\"evi4j");
        assertThat(client.send(java.net.http.HttpRequest.newBuilder(base.resolve("metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                .contains("evi4j_mi_requests_total{socket=\"http:/mi\"}", "evi4j_events_raised_total{event=\"E_DEMO\"}");
        assertThat(runtime.stderr()).contains("HTTP service at " + base);
    }

    @Test
    @Order(2)
    void listenSeesTheEventRaisedThroughTheMi() throws Exception {
        try (LauncherProcess listen = LauncherProcess.start(work, "listen", "listen", "udp:127.0.0.1:0",
                "--subscribe", "E_DEMO", "--mi", miUdp.toString(), "--count", "1")) {
            await().atMost(STARTUP).until(() -> listen.stderr().contains("subscribed E_DEMO") || !listen.isAlive());
            assertThat(listen.stderr()).contains("subscribed E_DEMO");
            String listener = listen.stderr().replaceAll("(?s).*listening on (\\S+).*", "$1");
            assertThat(call(miUdp, "subscribers_list", "E_DEMO").text()).contains(listener);

            try (LauncherProcess mi = LauncherProcess.start(work, "mi", "mi", "--socket", miUnix.toString(),
                    "raise_event", "E_DEMO", "{\"caller\":\"alice\",\"n\":7}")) {
                assertThat(mi.waitFor(60)).as(mi.output()).isZero();
                assertThat(mi.stdout()).isEqualTo("OK\n");
            }
            assertThat(listen.waitFor(60)).as(listen.output()).isZero();
            assertThat(listen.stdout()).isEqualTo("E_DEMO caller=alice n=7\n");
            assertThat(call(miUdp, "subscribers_list", "E_DEMO").text()).as("unsubscribed on exit")
                    .doesNotContain(listener);
        }
    }

    @Test
    @Order(3)
    void aCfgAddedOrEditedWhileRunningTakesEffect() throws Exception {
        Path cfg = etc.resolve("org.evi4j.mi.datagram-extra.cfg");
        SocketSpec extra = SocketSpec.parse("udp:127.0.0.1:" + freeUdpPort());
        Files.writeString(cfg, "socket_name = " + extra + "\n");
        awaitVersion(extra);

        SocketSpec moved = SocketSpec.parse("udp:127.0.0.1:" + freeUdpPort());
        Files.writeString(cfg, "socket_name = " + moved + "\n");
        awaitVersion(moved);
    }

    @Test
    @Order(4)
    void aSecondInstanceOnTheSameDataFolderRefusesToStart() throws Exception {
        try (LauncherProcess second = LauncherProcess.start(work, "second", "run", "--etc", etc.toString(),
                "--data", "data")) {
            assertThat(second.waitFor(60)).as(second.output()).isEqualTo(1);
            assertThat(second.stderr()).contains("Another evi4j is running with the data folder");
        }
        awaitVersion(miUdp);
    }

    @Test
    @Order(5)
    void sigtermStopsCleanlyAndRemovesTheUnixSocket() throws Exception {
        assertThat(call(miUdp, "event_subscribe", "E_DEMO", "udp:127.0.0.1:9", "600").ok()).isTrue();
        assertThat(miUnix.path()).exists();
        runtime.terminate();
        assertThat(runtime.waitFor(60)).as(runtime.output()).isZero();
        assertThat(miUnix.path()).as("UNIX MI socket file removed").doesNotExist();
    }

    @Test
    @Order(6)
    void subscriptionsSurviveARestart() throws Exception {
        runtime = LauncherProcess.start(work, "runtime2", "--etc", etc.toString(), "--data", "data");
        awaitVersion(miUdp);
        assertThat(call(miUdp, "subscribers_list", "E_DEMO").text()).contains("udp:127.0.0.1:9");
        runtime.terminate();
        assertThat(runtime.waitFor(60)).as(runtime.output()).isZero();
    }

    private void awaitVersion(SocketSpec mi) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!runtime.isAlive()) {
                throw new AssertionError("the runtime exited:\n" + runtime.output());
            }
            return versionAnswers(mi);
        });
    }

    private static boolean versionAnswers(SocketSpec mi) {
        try {
            return call(mi, 200, "version").text().contains("evi4j");
        } catch (MiClient.MiUnavailableException | IOException e) {
            return false;
        }
    }

    private static MiReply call(SocketSpec mi, String command, String... args) throws Exception {
        return call(mi, 5000, command, args);
    }

    private static MiReply call(SocketSpec mi, int timeout, String command, String... args)
            throws MiClient.MiUnavailableException, IOException {
        try (MiClient client = MiClient.open(mi, false)) {
            return client.call(command, List.of(args), false, timeout);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
