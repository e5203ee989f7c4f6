package org.evi4j.launcher.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evi4j.support.net.SocketName;
import org.evi4j.launcher.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import picocli.CommandLine;

@Timeout(30)
class ListenCliTest {

    private static final Pattern SUBSCRIBE = Pattern.compile(
            "\\{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":\\[\"(\\w+)\",\"([^\"]+)\",\"(\\d+)\"\\],\"id\":\\d+\\}");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Future<Integer> start(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return executor.submit(() -> commandLine.execute(args));
    }

    private static Matcher subscribe(String request) {
        Matcher m = SUBSCRIBE.matcher(request);
        assertThat(m.matches()).as(request).isTrue();
        return m;
    }

    @Test
    void subscribesPrintsEventsRefreshesAndUnsubscribesOnExit() throws Exception {
        try (FakeMiServer mi = FakeMiServer.udp(FakeMiServer::ok)) {
            Future<Integer> listen = start("listen", "udp:127.0.0.1:0", "--subscribe", "E_DEMO", "--mi",
                    mi.socket().toString(), "--expire", "1", "--count", "2");
            // expire 1 s: the refresh comes after 1 s, before the second event is sent
            await().atMost(Duration.ofSeconds(10)).until(() -> mi.requests.size() >= 2);
            Matcher first = subscribe(mi.requests.get(0));
            assertThat(first.group(1)).isEqualTo("E_DEMO");
            assertThat(first.group(3)).isEqualTo("1");
            assertThat(mi.requests.get(1)).as("the refresh repeats the subscription").isEqualTo(mi.requests.get(0));
            SocketName listener = SocketName.parse(first.group(2));
            assertThat(err.toString()).contains("listening on " + listener, "subscribed E_DEMO");

            send(listener, "{\"jsonrpc\":\"2.0\",\"method\":\"E_DEMO\",\"params\":{\"n\":1}}");
            send(listener, "E_DEMO\nmsg::hello world\n\n");
            assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();

            assertThat(out.toString()).isEqualTo("E_DEMO n=1\nE_DEMO msg=\"hello world\"\n");
            Matcher last = subscribe(mi.requests.get(mi.requests.size() - 1));
            assertThat(last.group(2)).isEqualTo(listener.toString());
            assertThat(last.group(3)).isEqualTo("0");
            assertThat(err.toString()).contains("unsubscribed E_DEMO");
        }
    }

    @Test
    void refusedSubscriptionExitsOneWithTheReason() throws Exception {
        try (FakeMiServer mi = FakeMiServer.udp(r -> "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":400,"
                + "\"message\":\"Bad parameter value\"},\"id\":1}")) {
            Future<Integer> listen = start("listen", "udp:127.0.0.1:0", "--subscribe", "E_NOPE", "--mi",
                    mi.socket().toString());
            assertThat(listen.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(err.toString()).contains("error 400: Bad parameter value");
            assertThat(mi.requests).hasSize(1);
        }
    }

    @Test
    void unixListenerWithEncoderChoiceRemovesItsSocketOnExit() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ls");
        Path sock = dir.resolve("ev.sock");
        try (FakeMiServer mi = FakeMiServer.udp(FakeMiServer::ok)) {
            Future<Integer> listen = start("listen", "unix:" + sock, "--subscribe", "E_DEMO", "--encoder", "legacy",
                    "--mi", mi.socket().toString(), "--count", "1", "--raw");
            await().atMost(Duration.ofSeconds(10)).until(() -> err.toString().contains("subscribed"));
            assertThat(mi.requests.get(0)).contains("\"unix:" + sock + ";encoder=legacy\"");
            try (AFUNIXDatagramChannel client = AFUNIXDatagramChannel.open()) {
                client.send(ByteBuffer.wrap("E_DEMO\nk::v\n\n".getBytes(StandardCharsets.UTF_8)),
                        AFUNIXSocketAddress.of(sock));
            }
            assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).isEqualTo("E_DEMO\nk::v\n\n\n");
            assertThat(sock).doesNotExist();
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void withoutSubscriptionsItOnlyListens() throws Exception {
        Future<Integer> listen = start("listen", "udp:127.0.0.1:0", "--count", "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> err.toString().contains("listening on"));
        Matcher m = Pattern.compile("listening on (\\S+)").matcher(err.toString());
        assertThat(m.find()).isTrue();
        send(SocketName.parse(m.group(1)), "E_X\n\n");
        assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).isEqualTo("E_X\n");
    }

    private static void send(SocketName to, String datagram) throws Exception {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(to.host(), to.port())));
        }
    }
}
