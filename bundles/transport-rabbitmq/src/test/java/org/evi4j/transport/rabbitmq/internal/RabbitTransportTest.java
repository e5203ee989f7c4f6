package org.evi4j.transport.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport without a broker: nothing listens on its port, so every event waits, then is dropped. */
class RabbitTransportTest {

    private RabbitTransport transport;
    private int closedPort;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        transport = new RabbitTransport(TestSettings.settings(5, true));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        transport.deactivate();
    }

    private RabbitDestination nowhere(String userInfo, RecordingReport report) {
        return (RabbitDestination) transport.parse(userInfo + "127.0.0.1:" + closedPort + "/k", report);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBrokerThatRefusesConnectionsIsAProblemAndEventsWaitThenAreDropped() {
        RecordingReport report = new RecordingReport();
        RabbitDestination d = nowhere("", report);
        List<SendResult> results = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            results.add(transport.send(d, bytes("event " + i)));
        }

        await().untilAsserted(() -> assertThat(report.problems).isNotEmpty());
        assertThat(report.problems.get(0)).isEqualTo(
                "cannot connect to guest@127.0.0.1:" + closedPort + ": Connection refused");
        long pending = results.stream().filter(r -> r == SendResult.PENDING).count();
        long dropped = results.stream().filter(r -> r.status() == SendResult.Status.DROPPED).count();
        assertThat(pending).as("the queue's 5 and the one held by the publisher, at most").isBetween(5L, 6L);
        assertThat(dropped).isEqualTo(20 - pending);
        assertThat(results).filteredOn(r -> r.status() == SendResult.Status.DROPPED).first()
                .extracting(SendResult::reason).asString().contains("queue full");
        RabbitConnectionStats stats = transport.connections().get(0);
        assertThat(stats.connected()).isFalse();
        assertThat(stats.dropped()).isEqualTo(dropped);
        assertThat(stats.queued()).isEqualTo(pending);
        assertThat(stats.lastError()).isEqualTo(report.problems.get(0));
        assertThat(report.dropped).hasValue(0);
    }

    @Test
    void eventsStillWaitingWhenTheTransportStopsAreReportedDropped() throws InterruptedException {
        RecordingReport report = new RecordingReport();
        RabbitDestination d = nowhere("", report);
        int pending = 0;
        for (int i = 0; i < 5; i++) {
            pending += transport.send(d, bytes("event " + i)) == SendResult.PENDING ? 1 : 0;
        }
        assertThat(Threads.named("evi4j-rabbitmq-guest@127.0.0.1:" + closedPort)).hasSize(1);

        transport.deactivate();

        assertThat(report.dropped).hasValue(pending);
        assertThat(report.dropReasons).containsOnly("transport stopped");
        assertThat(Threads.named("evi4j-rabbitmq-")).isEmpty();
        assertThat(transport.send(d, bytes("late")).status()).isEqualTo(SendResult.Status.FAILED);
    }

    @Test
    void connectionFailuresAreLoggedWithoutThePassword() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RecordingReport report = new RecordingReport();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            transport.send(nowhere("admin:Hidden-Pw@", report), bytes("event"));
            await().untilAsserted(() -> assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("cannot connect to admin@127.0.0.1:" + closedPort));
        } finally {
            System.setErr(stderr);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN").doesNotContain("Hidden-Pw");
        assertThat(report.problems).allSatisfy(problem -> assertThat(problem).doesNotContain("Hidden-Pw"));
        assertThat(Threads.named("evi4j-rabbitmq-")).allSatisfy(name -> assertThat(name).doesNotContain("Hidden"));
    }

    @Test
    void nothingConnectsBeforeTheFirstSendAndReleaseBeforeItIsHarmless() {
        Destination d = nowhere("", new RecordingReport());

        assertThat(transport.connections()).isEmpty();
        assertThat(Threads.named("evi4j-rabbitmq-")).isEmpty();
        transport.release(d);

        assertThat(transport.send(d, bytes("after release")).status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(transport.connections()).isEmpty();
    }

    @Test
    void releasingTheLastDestinationStopsItsPublisher() {
        RecordingReport report = new RecordingReport();
        RabbitDestination d = nowhere("", report);
        transport.send(d, bytes("event"));
        assertThat(transport.connections()).hasSize(1);

        transport.release(d);

        assertThat(transport.connections()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Threads.named("evi4j-rabbitmq-")).isEmpty());
        assertThat(report.dropped).hasValue(1);
    }

    @Test
    void parseWithoutAReportAndForeignDestinations() {
        Destination d = transport.parse("127.0.0.1/k");
        assertThat(d.address()).isEqualTo("guest:guest@127.0.0.1:5672/k");

        Destination foreign = () -> "elsewhere";
        assertThat(transport.send(foreign, bytes("x")).status()).isEqualTo(SendResult.Status.FAILED);
        transport.release(foreign);
        assertThatIllegalArgumentException().isThrownBy(() -> transport.parse("nohost", DeliveryReport.NONE));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(0, 100, 1000, true, 2000, 30))
                .withMessageContaining("queue_size");
        assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(1, 0, 1000, true, 2000, 30))
                .withMessageContaining("reconnect_min_ms");
        assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(1, 100, 99, true, 2000, 30))
                .withMessageContaining("reconnect_max_ms");
        assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(1, 100, 100, true, -1, 30))
                .withMessageContaining("connect_timeout_ms");
        assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(1, 100, 100, true, 0, 65536))
                .withMessageContaining("heartbeat_s");
    }
}
