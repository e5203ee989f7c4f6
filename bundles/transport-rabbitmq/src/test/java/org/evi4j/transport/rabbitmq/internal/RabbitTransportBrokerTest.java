package org.evi4j.transport.rabbitmq.internal;

import org.evi4j.testkit.RecordingReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RabbitBroker;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.rabbitmq.client.GetResponse;

/** Publishing to a real RabbitMQ node: exact bytes, exchanges, persistence, confirms, nacks and refusals. */
class RabbitTransportBrokerTest {

    private static RabbitBroker broker;
    private static BrokerPeer peer;

    private RabbitTransport transport;
    private String key;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = RabbitBroker.start();
        peer = new BrokerPeer(broker);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void newTransport(TestInfo test) {
        transport = new RabbitTransport(TestSettings.defaults());
        key = "evi4j." + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stopTransport() throws InterruptedException {
        transport.deactivate();
    }

    private RabbitDestination destination(String path, RecordingReport report) {
        return (RabbitDestination) transport.parse(broker.host() + ":" + broker.port() + "/" + path, report);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultExchangeDeliversTheExactBytesToTheQueueNamedAsTheKey() throws Exception {
        peer.queue(key);
        RecordingReport report = new RecordingReport();
        RabbitDestination d = destination(key, report);
        byte[] payload = "{\"jsonrpc\":\"2.0\",\"method\":\"E_PIKE\",\"params\":{\"ip\":\"10.0.0.1\"}}\u00e9\u0000"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(transport.send(d, ByteBuffer.wrap(payload))).isSameAs(SendResult.PENDING);

        GetResponse got = peer.take(key);
        assertThat(got.getBody()).isEqualTo(payload);
        assertThat(got.getEnvelope().getExchange()).isEmpty();
        assertThat(got.getEnvelope().getRoutingKey()).isEqualTo(key);
        assertThat(got.getProps().getContentType()).isNull();
        assertThat(got.getProps().getDeliveryMode()).isNull();
        await().untilAsserted(() -> {
            assertThat(report.sent).hasValue(1);
            assertThat(report.delivered).hasValue(1);
        });
        assertThat(report.failures).isEmpty();
    }

    @Test
    void aNamedExchangeRoutesByTheKey() throws Exception {
        peer.exchangeWithQueue(key + ".x", key + ".q", key);
        RecordingReport report = new RecordingReport();
        RabbitDestination d = destination("exchange=" + key + ".x?" + key, report);

        transport.send(d, bytes("via exchange"));

        GetResponse got = peer.take(key + ".q");
        assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("via exchange");
        assertThat(got.getEnvelope().getExchange()).isEqualTo(key + ".x");
        await().untilAsserted(() -> assertThat(report.delivered).hasValue(1));
    }

    @Test
    void persistentSetsDeliveryMode2() throws Exception {
        peer.queue(key);
        RabbitDestination d = destination("persistent?" + key, new RecordingReport());

        transport.send(d, bytes("kept"));

        GetResponse got = peer.take(key);
        assertThat(got.getProps().getDeliveryMode()).isEqualTo(2);
        assertThat(got.getProps().getContentType()).isNull();
    }

    @Test
    void thePayloadIsCopiedAndTheBufferLeftAsItWas() throws Exception {
        peer.queue(key);
        RabbitDestination d = destination(key, new RecordingReport());
        byte[] array = "xxxHELLOyyy".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.wrap(array, 3, 5);

        transport.send(d, buffer);
        array[4] = 'J';
        transport.send(d, buffer);

        assertThat(buffer.position()).isEqualTo(3);
        assertThat(buffer.limit()).isEqualTo(8);
        assertThat(new String(peer.take(key).getBody(), StandardCharsets.US_ASCII)).isEqualTo("HELLO");
        assertThat(new String(peer.take(key).getBody(), StandardCharsets.US_ASCII)).isEqualTo("HJLLO");
    }

    @Test
    void confirmsCountEveryDeliveryOfEveryDestination() throws Exception {
        peer.queue(key + ".a");
        peer.queue(key + ".b");
        RecordingReport a = new RecordingReport();
        RecordingReport b = new RecordingReport();
        RabbitDestination da = destination(key + ".a", a);
        RabbitDestination db = destination(key + ".b", b);

        for (int i = 0; i < 500; i++) {
            transport.send(i % 5 == 0 ? db : da, bytes("event " + i));
        }

        await().untilAsserted(() -> {
            assertThat(a.delivered).hasValue(400);
            assertThat(b.delivered).hasValue(100);
        });
        assertThat(a.sent).hasValue(400);
        assertThat(b.sent).hasValue(100);
        assertThat(peer.count(key + ".a")).isEqualTo(400);
        assertThat(transport.connections()).singleElement().satisfies(stats -> {
            assertThat(stats.broker()).isEqualTo("guest@" + broker.host() + ":" + broker.port());
            assertThat(stats.connected()).isTrue();
            assertThat(stats.queued()).isEqualTo(500);
            assertThat(stats.published()).isEqualTo(500);
            assertThat(stats.confirmed()).isEqualTo(500);
            assertThat(stats.reconnects()).isZero();
        });
    }

    @Test
    void withoutConfirmsSendsAreCountedButNotDeliveries() throws Exception {
        transport.deactivate();
        transport = new RabbitTransport(TestSettings.settings(100, false));
        peer.queue(key);
        RecordingReport report = new RecordingReport();

        transport.send(destination(key, report), bytes("unconfirmed"));

        assertThat(peer.take(key).getBody()).isEqualTo("unconfirmed".getBytes(StandardCharsets.UTF_8));
        await().untilAsserted(() -> assertThat(report.sent).hasValue(1));
        assertThat(report.delivered).hasValue(0);
    }

    @Test
    void eventsTheBrokerRefusesAreNackedAndCountedFailed() throws Exception {
        peer.queue(key, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        RecordingReport report = new RecordingReport();
        RabbitDestination d = destination(key, report);

        for (int i = 0; i < 3; i++) {
            transport.send(d, bytes("event " + i));
        }

        await().untilAsserted(() -> {
            assertThat(report.delivered).hasValue(1);
            assertThat(report.failed).hasValue(2);
        });
        assertThat(report.failures).containsOnly("nacked by the broker");
        assertThat(transport.connections().get(0).nacked()).isEqualTo(2);
    }

    @Test
    void aMissingExchangeFailsItsEventWithTheBrokersReasonAndTheChannelIsReopened() throws Exception {
        peer.queue(key);
        RecordingReport lost = new RecordingReport();
        RecordingReport good = new RecordingReport();
        RabbitDestination nowhere = destination("exchange=" + key + ".missing?" + key, lost);
        RabbitDestination d = destination(key, good);

        transport.send(nowhere, bytes("to nowhere"));
        await().untilAsserted(() -> assertThat(lost.failed).hasValue(1));
        transport.send(d, bytes("after the refusal"));

        assertThat(lost.failures).singleElement().asString().contains("NOT_FOUND").contains(key + ".missing");
        assertThat(new String(peer.take(key).getBody(), StandardCharsets.UTF_8)).isEqualTo("after the refusal");
        await().untilAsserted(() -> assertThat(good.delivered).hasValue(1));
        assertThat(transport.connections().get(0).reconnects()).isZero();
    }

    @Test
    void releasingTheLastDestinationOfABrokerClosesItsConnection() throws Exception {
        peer.queue(key);
        RecordingReport report = new RecordingReport();
        RabbitDestination first = destination(key, report);
        RabbitDestination second = destination(key, report);
        transport.send(first, bytes("1"));
        transport.send(second, bytes("2"));
        await().untilAsserted(() -> assertThat(report.delivered).hasValue(2));
        assertThat(transport.connections()).hasSize(1);
        assertThat(transport.connections().get(0).connected()).isTrue();
        assertThat(broker.connectionUsers()).as("the test peer's and the transport's")
                .containsExactly("guest", "guest");

        transport.release(first);
        assertThat(transport.connections()).hasSize(1);
        transport.release(second);

        assertThat(transport.connections()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(broker.connectionUsers()).as("the test peer's").containsExactly("guest"));
        assertThat(transport.send(second, bytes("3")).status()).isEqualTo(SendResult.Status.FAILED);
    }

    @Test
    void badCredentialsAreReportedAsAnAuthenticationFailureWithoutThePassword() throws Exception {
        RecordingReport report = new RecordingReport();
        RabbitDestination d = (RabbitDestination) transport.parse(
                "intruder:N0tTheP4ss@" + broker.host() + ":" + broker.port() + "/" + key, report);

        assertThat(transport.send(d, bytes("denied"))).isSameAs(SendResult.PENDING);

        await().untilAsserted(() -> assertThat(report.problems).isNotEmpty());
        assertThat(report.problems.get(0)).startsWith("cannot connect to intruder@" + broker.host())
                .contains("authentication failed for user 'intruder'").doesNotContain("N0tTheP4ss");
        assertThat(transport.connections().get(0).lastError()).contains("authentication failed")
                .doesNotContain("N0tTheP4ss");
        assertThat(transport.connections().get(0).connected()).isFalse();
        assertThat(report.sent).hasValue(0);
    }

    @Test
    void aUserWithItsOwnPasswordGetsItsOwnConnection() throws Exception {
        broker.addUser("alice", "al1ce-pw");
        peer.queue(key);
        RecordingReport alice = new RecordingReport();
        RecordingReport guest = new RecordingReport();

        transport.send(transport.parse("alice:al1ce-pw@" + broker.host() + ":" + broker.port() + "/" + key, alice),
                bytes("from alice"));
        transport.send(destination(key, guest), bytes("from guest"));

        await().untilAsserted(() -> {
            assertThat(alice.delivered).hasValue(1);
            assertThat(guest.delivered).hasValue(1);
        });
        assertThat(transport.connections()).extracting(RabbitConnectionStats::broker).containsExactlyInAnyOrder(
                "alice@" + broker.host() + ":" + broker.port(), "guest@" + broker.host() + ":" + broker.port());
        assertThat(broker.connectionUsers()).contains("alice", "guest");
    }

    @Test
    void deactivationClosesConnectionsAndLeavesNoThread() throws Exception {
        peer.queue(key);
        RecordingReport report = new RecordingReport();
        transport.send(destination(key, report), bytes("before"));
        await().untilAsserted(() -> assertThat(report.delivered).hasValue(1));
        String prefix = "evi4j-rabbitmq-guest@" + broker.host() + ":" + broker.port();
        assertThat(Threads.named(prefix)).as("the publisher and the client library's connection thread")
                .contains(prefix, prefix + "-io-1");
        assertThat(Threads.named("AMQP Connection ")).as("only the test peer's").hasSize(1);
        // parsed before: a stopped transport's resolver is closed too
        RabbitDestination late = destination(key, report);

        transport.deactivate();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Threads.named("evi4j-rabbitmq-")).isEmpty());
        assertThat(transport.send(late, bytes("after")).status()).isEqualTo(SendResult.Status.FAILED);
    }
}
