package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.testkit.KafkaBroker;
import org.evi4j.testkit.Vectors;
import org.evi4j.testkit.Vectors.EventCase;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The Kafka cases the Felix and the Karaf tests share, run inside the framework: subscribers made over the MI
 * datagram socket with OpenSIPS event_kafka sockets, events raised through the core, and what reached the topics read
 * back with the test's own plain Kafka consumer. Each case uses topics of its own and unsubscribes.
 */
final class KafkaCases {

    static final String TRANSPORT_BUNDLE = "org.evi4j.transport-kafka";
    private static final String OK = "{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":1}";
    private static final String REFUSED = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":400,\"message\":\"Bad parameter "
            + "value\"},\"id\":1}";

    private final BundleContext context;
    private final EventInterface evi;
    private final KafkaBroker broker;
    private final String miSocket;

    KafkaCases(BundleContext context, EventInterface evi, KafkaBroker broker, String miSocket) {
        this.context = context;
        this.evi = evi;
        this.broker = broker;
        this.miSocket = miSocket;
    }

    /**
     * Subscribed over MI (JSON-RPC and legacy encoders, key=callid): the exact bytes of the vectors in the topics,
     * the Call-ID as key, the sockets listed as OpenSIPS lists them; subscribing again refreshes, expire 0 removes.
     */
    void subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties() throws IOException {
        EventCase json = Vectors.eventCases("events-jsonrpc.json").get(0);
        EventCase legacy = Vectors.eventCases("events-legacy.json").stream()
                .filter(c -> c.event().name().equals(json.event().name())).findFirst().orElseThrow();
        subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties(json, legacy);
    }

    /** The same with a JSON-RPC and a legacy case of the same event given (Karaf's probe has no Jackson). */
    void subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties(EventCase json, EventCase legacy)
            throws IOException {
        String event = json.event().name();
        evi.publish(event);
        String jsonTopic = topic("json");
        String legacyTopic = topic("legacy");
        String keyed = "kafka:" + broker.bootstrap() + "/" + jsonTopic + "?key=callid&g.linger.ms=1";
        String plain = "kafka:" + broker.bootstrap() + "/" + legacyTopic + ";encoder=legacy";
        try (DatagramPeer client = DatagramPeer.udp()) {
            subscribeOk(client, event, keyed);
            subscribeOk(client, event, plain);
            try {
                evi.raise(json.event());
                Event withCallId = Event.builder(event).param("callid", "a84b4c76e66710@pc33.atlanta.com").build();
                evi.raise(withCallId);

                List<ConsumerRecord<byte[], byte[]>> records = KafkaPeer.read(broker.bootstrap(), jsonTopic, 2);
                assertThat(records).as("records in %s; subscribers %s", jsonTopic, evi.subscribers(event))
                        .hasSize(2);
                assertThat(records.get(0).value()).isEqualTo(json.expected());
                assertThat(records.get(0).key()).isNull();
                assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":"
                        + "\"2.0\",\"method\":\"" + event + "\",\"params\":{\"callid\":\"a84b4c76e66710@pc33.atlanta"
                        + ".com\"}}");
                assertThat(new String(records.get(1).key(), StandardCharsets.UTF_8))
                        .isEqualTo("a84b4c76e66710@pc33.atlanta.com");
                List<ConsumerRecord<byte[], byte[]>> text = KafkaPeer.read(broker.bootstrap(), legacyTopic, 2);
                assertThat(text).hasSize(2);
                assertThat(text.get(0).value()).isEqualTo(legacy.expected());
                assertThat(text.get(1).key()).as("no key=callid, no key").isNull();

                String listing = call(client, "subscribers_list", "[\"" + event + "\"]");
                assertThat(listing).contains("\"socket\":\"kafka:" + broker.bootstrap() + "/" + jsonTopic + "\"")
                        .doesNotContain("linger").doesNotContain("key=callid");
                Await.until("both deliveries acknowledged", () -> subscriber(event, jsonTopic).delivered() == 2);

                assertThat(subscribe(client, event, keyed, 900)).as("refresh").isEqualTo(OK);
                assertThat(evi.subscribers(event)).filteredOn(s -> s.socket().endsWith("/" + jsonTopic))
                        .singleElement().extracting(SubscriberInfo::expire).isEqualTo(900);
            } finally {
                assertThat(subscribe(client, event, keyed, 0)).isEqualTo(OK);
                assertThat(subscribe(client, event, plain, 0)).isEqualTo(OK);
            }
            assertThat(evi.subscribers(event)).noneMatch(s -> s.socket().startsWith("kafka:"));
        }
    }

    /** Sockets OpenSIPS accepts and cannot use, or crashes on: refused at subscribe time, the reason in the API. */
    void badSocketsAreRefusedAtSubscribeTime(String event) throws IOException {
        String brokers = "kafka:" + broker.bootstrap();
        try (DatagramPeer client = DatagramPeer.udp()) {
            for (String socket : List.of(brokers + "/t?g.no.such.prop=1", brokers + "/bad topic!", brokers + "/",
                    brokers + "/t?", brokers + "/t?g.acks=", "kafka:/t", brokers + "/t?g.compression.codec=zstd")) {
                assertThat(subscribe(client, event, socket, 600)).as(socket).isEqualTo(REFUSED);
            }
        }
        assertThatThrownBy(() -> evi.subscribe(event, brokers + "/t?g.no.such.prop=1", 600))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("unknown Kafka producer property 'no.such.prop'");
        assertThatThrownBy(() -> evi.subscribe(event, brokers + "/t?g.compression.codec=zstd", 600))
                .hasMessageContaining("carries no zstd codec");
        assertThat(evi.subscribers(event)).noneMatch(s -> s.socket().startsWith("kafka:"));
    }

    /** The transport bundle stopped and started: the subscription stays, delivery resumes, no thread is left. */
    void theTransportBundleStoppedAndStartedKeepsTheSubscription(String event) throws Exception {
        String topic = topic("swap");
        String socket = "kafka:" + broker.bootstrap() + "/" + topic;
        Bundle transport = bundle(TRANSPORT_BUNDLE);
        evi.subscribe(event, socket, 600);
        try {
            Event raised = Event.builder(event).param("case", "swap").build();
            evi.raise(raised);
            assertThat(KafkaPeer.read(broker.bootstrap(), topic, 1)).hasSize(1);

            transport.stop();
            Await.until("no producer thread left", () -> threads("evi4j-kafka-").isEmpty()
                    && threads("kafka-producer-network-thread").isEmpty());
            long undelivered = subscriber(event, topic).undelivered();
            for (int i = 0; i < 10; i++) {
                evi.raise(raised);
            }
            assertThat(subscriber(event, topic).undelivered()).isEqualTo(undelivered + 10);

            transport.start();
            Await.until("delivery resumes after the transport's start", () -> {
                evi.raise(raised);
                return subscriber(event, topic).delivered() > 1;
            });
            assertThat(KafkaPeer.read(broker.bootstrap(), topic, 2)).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(
                            "{\"jsonrpc\":\"2.0\",\"method\":\"" + event + "\",\"params\":{\"case\":\"swap\"}}"));
            assertThat(evi.subscribers(event)).extracting(SubscriberInfo::socket).containsOnlyOnce(socket);
        } finally {
            evi.unsubscribe(event, socket);
        }
    }

    static List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    private static String topic(String name) {
        return "evi4j-it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private SubscriberInfo subscriber(String event, String topic) {
        return evi.subscribers(event).stream().filter(s -> s.socket().endsWith("/" + topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no subscriber for " + topic + " in " + evi.subscribers(event)));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Subscribes over MI; when refused, subscribes through the API to have the reason in the failure. */
    private void subscribeOk(DatagramPeer client, String event, String socket) throws IOException {
        if (!OK.equals(subscribe(client, event, socket, 600))) {
            evi.subscribe(event, socket, 600);
            throw new AssertionError("MI refused " + socket + ", the API took it");
        }
    }

    private String subscribe(DatagramPeer client, String event, String socket, int expire) throws IOException {
        return call(client, "event_subscribe", "[\"" + event + "\",\"" + socket + "\"," + expire + "]");
    }

    private String call(DatagramPeer client, String method, String params) throws IOException {
        return Mi.call(client, miSocket, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params
                + ",\"id\":1}");
    }
}
