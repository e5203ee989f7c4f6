package org.evi4j.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.api.Event;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RecordingReport;
import org.evi4j.testkit.TcpListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against real listeners on 127.0.0.1: one that reads, one that closes mid-stream, one that is down
 * and comes back, one that never reads; reliable mode against listeners that answer OK, answer errors, never answer,
 * or answer without an id.
 */
class TcpConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Event E1 = Event.builder("E_MY_CUSTOM").param("n", 1).build();
    private static final Event E2 = Event.builder("E_MY_CUSTOM").param("n", 2).build();
    private static final String T1 = "{\"jsonrpc\":\"2.0\",\"method\":\"E_MY_CUSTOM\",\"params\":{\"n\":1}}";
    private static final String T2 = "{\"jsonrpc\":\"2.0\",\"method\":\"E_MY_CUSTOM\",\"params\":{\"n\":2}}";

    private final RecordingReport report = new RecordingReport();
    private TcpTransport transport;

    @AfterEach
    void stop() throws InterruptedException {
        if (transport != null) {
            transport.deactivate();
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("threads left")
                .noneMatch(t -> t.getName().equals("evi4j-tcp-sender") && t.isAlive());
    }

    private static TcpSettings settings(boolean reliable, int timeoutMs, int queueBytes) {
        return new TcpSettings(reliable, timeoutMs, null, queueBytes, 20, 200, 2000);
    }

    private Destination start(TcpSettings settings, String address) throws IOException {
        transport = new TcpTransport(settings);
        return transport.parse(address, report);
    }

    private TcpConnectionStats stats() {
        return transport.connections().get(0);
    }

    @Test
    void aSubscriberWithoutMethodGetsTheSharedPayloadOthersTheirOwnMethod() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.READ)) {
            Destination plain = start(settings(false, 1000, 1 << 20), listener.address());
            Destination plain2 = transport.parse("localhost:" + listener.port(), report);
            Destination method = transport.parse(listener.address() + "/m", report);
            AtomicInteger encodings = new AtomicInteger();
            TestEvent event = new TestEvent(E1, encodings);
            transport.send(plain, event);
            transport.send(method, event);
            transport.send(plain2, event);
            String shaped = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"n\":1}}";
            await().atMost(WAIT).until(() -> listener.allText().length() == 2 * T1.length() + shaped.length());
            assertThat(listener.connections).as("one connection per ip:port").hasSize(1);
            assertThat(listener.allText()).isEqualTo(T1 + shaped + T1);
            assertThat(encodings).as("encoded once").hasValue(1);
            await().atMost(WAIT).until(() -> report.sent.get() == 3);
        }
    }

    @Test
    void bytesWithoutTheirEventGoOutAsTheyAreEvenInReliableMode() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.READ)) {
            Destination d = start(settings(true, 1000, 1 << 20), listener.address() + "/m");
            assertThat(transport.send(d, ByteBuffer.wrap(T1.getBytes(StandardCharsets.UTF_8))))
                    .isSameAs(SendResult.PENDING);
            await().atMost(WAIT).until(() -> listener.allText().equals(T1));
            await().atMost(WAIT).until(() -> report.sent.get() == 1);
            Destination foreign = () -> "elsewhere";
            assertThat(transport.send(foreign, new TestEvent(E1)).reason())
                    .isEqualTo("not a destination of the TCP transport");
        }
    }

    @Test
    void aConnectionClosedByThePeerIsOpenedAgainForTheNextEvent() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.CLOSE_AFTER_FIRST)) {
            Destination d = start(settings(false, 1000, 1 << 20), listener.address());
            transport.send(d, new TestEvent(E1));
            await().atMost(WAIT).until(() -> !transport.connections().isEmpty() && stats().connects() == 1
                    && !stats().connected());
            assertThat(report.problems).anyMatch(p -> p.contains("closed by the peer"));
            listener.mode = TcpListener.Mode.READ;
            transport.send(d, new TestEvent(E2));
            await().atMost(WAIT).until(() -> listener.connections.size() == 2
                    && listener.connections.get(1).text().equals(T2));
            assertThat(listener.connections.get(0).text()).isEqualTo(T1);
            assertThat(stats().connects()).isEqualTo(2);
            assertThat(report.sent).hasValue(2);
        }
    }

    @Test
    void eventsWaitWhileTheListenerIsDownAndGoOutWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Destination d = start(settings(false, 1000, 1 << 20), "127.0.0.1:" + port);
        transport.send(d, new TestEvent(E1));
        await().atMost(WAIT).until(() -> report.problems.stream().anyMatch(p -> p.startsWith(
                "cannot connect to 127.0.0.1:" + port)));
        transport.send(d, new TestEvent(E2));
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) WAIT.toMillis());
            try (var socket = server.accept()) {
                byte[] expected = (T1 + T2).getBytes();
                byte[] got = socket.getInputStream().readNBytes(expected.length);
                assertThat(new String(got)).isEqualTo(T1 + T2);
            }
        }
        await().atMost(WAIT).until(() -> report.sent.get() == 2);
        assertThat(report.dropped).hasValue(0);
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.STALL)) {
            Destination d = start(settings(false, 1000, 64 * 1024), listener.address());
            Event big = Event.builder("E_BIG").param("s", "x".repeat(1000)).build();
            SendResult last = SendResult.PENDING;
            for (int i = 0; i < 100_000 && last == SendResult.PENDING; i++) {
                last = transport.send(d, new TestEvent(big));
            }
            assertThat(last.status()).isEqualTo(SendResult.Status.DROPPED);
            assertThat(last.reason()).isEqualTo("TCP queue full: 65536 bytes wait for 127.0.0.1:" + listener.port());
            assertThat(stats().dropped()).isEqualTo(1);
            assertThat(stats().waitingBytes()).isLessThanOrEqualTo(64 * 1024);
            long queued = stats().queued();
            transport.deactivate();
            transport = null;
            assertThat(report.sent.get() + report.dropped.get() + report.failed.get())
                    .as("every queued event accounted for at stop: %s", report).isEqualTo(queued);
        }
    }

    @Test
    void stoppingReportsTheEventsStillWaitingAsDropped() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Destination d = start(settings(false, 1000, 1 << 20), "127.0.0.1:" + port);
        for (int i = 0; i < 5; i++) {
            assertThat(transport.send(d, new TestEvent(E1))).isSameAs(SendResult.PENDING);
        }
        await().atMost(WAIT).until(() -> !report.problems.isEmpty());
        transport.deactivate();
        transport = null;
        assertThat(report.dropped).hasValue(5);
        assertThat(report.dropReasons).containsOnly("TCP transport stopped");
    }

    @Test
    void releasingTheLastDestinationClosesTheConnection() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.READ)) {
            Destination d = start(settings(false, 1000, 1 << 20), listener.address());
            transport.send(d, new TestEvent(E1));
            await().atMost(WAIT).until(() -> listener.allText().equals(T1));
            transport.release(d);
            await().atMost(WAIT).until(() -> listener.connections.get(0).ended);
            assertThat(transport.connections()).isEmpty();
            assertThat(transport.send(d, new TestEvent(E2)).reason()).isEqualTo("TCP destination released");
        }
    }

    @Test
    void reliableModeCountsAReplyAsDelivered() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.REPLY)) {
            Destination d = start(settings(true, 5000, 1 << 20), listener.address());
            for (int i = 0; i < 3; i++) {
                transport.send(d, new TestEvent(E1));
            }
            await().atMost(WAIT).until(() -> report.delivered.get() == 3);
            assertThat(listener.allText()).startsWith("{\"id\":1,\"jsonrpc\":\"2.0\"").contains("{\"id\":2,")
                    .contains("{\"id\":3,");
            assertThat(report.failed).hasValue(0);
            assertThat(stats().delivered()).isEqualTo(3);
        }
    }

    @Test
    void reliableModeCountsAnErrorReplyAsFailed() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.ERROR)) {
            Destination d = start(settings(true, 5000, 1 << 20), listener.address());
            transport.send(d, new TestEvent(E1));
            await().atMost(WAIT).until(() -> report.failed.get() == 1);
            assertThat(report.failures).containsExactly("error reply from " + listener.address());
            assertThat(report.delivered).hasValue(0);
            assertThat(stats().connected()).as("an error reply keeps the connection").isTrue();
        }
    }

    @Test
    void reliableModeCountsNoReplyWithinTheTimeoutAsFailed() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.SILENT)) {
            Destination d = start(settings(true, 100, 1 << 20), listener.address());
            transport.send(d, new TestEvent(E1));
            await().atMost(WAIT).until(() -> report.failed.get() == 1);
            assertThat(report.failures).containsExactly("no reply from " + listener.address() + " within 100 ms");
            assertThat(report.sent).hasValue(1);
            assertThat(stats().connected()).as("a timeout keeps the connection").isTrue();
        }
    }

    @Test
    void reliableModeClosesTheConnectionOnAReplyWithoutId() throws Exception {
        try (TcpListener listener = new TcpListener(TcpListener.Mode.NO_ID)) {
            Destination d = start(settings(true, 5000, 1 << 20), listener.address());
            transport.send(d, new TestEvent(E1));
            await().atMost(WAIT).until(() -> report.failed.get() == 1);
            assertThat(report.failures.get(0)).isEqualTo("bad reply from " + listener.address()
                    + ": reply does not have an ID! before the reply");
            await().atMost(WAIT).until(() -> listener.connections.get(0).ended);
            listener.mode = TcpListener.Mode.REPLY;
            transport.send(d, new TestEvent(E2));
            await().atMost(WAIT).until(() -> report.delivered.get() == 1);
            assertThat(listener.connections).hasSize(2);
        }
    }
}
