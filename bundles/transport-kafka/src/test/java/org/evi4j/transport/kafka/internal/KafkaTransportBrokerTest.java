package org.evi4j.transport.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.evi4j.api.Event;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.KafkaBroker;
import org.evi4j.testkit.Vectors;
import org.evi4j.testkit.Vectors.EventCase;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a real Kafka broker (testkit's private one): what reaches the topics, and the reports. */
class KafkaTransportBrokerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private KafkaBroker broker;
    private KafkaTransport transport;

    @BeforeEach
    void setUp() {
        broker = SharedBroker.get();
        transport = TestTransports.transport();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        transport.deactivate();
    }

    @Test
    void jsonRpcVectorsAreTheRecordValuesByteForByteWithoutKeyOrHeaders() {
        assertVectorsProduced("events-jsonrpc.json", "jsonrpc");
    }

    @Test
    void legacyVectorsAreTheRecordValuesByteForByte() {
        assertVectorsProduced("events-legacy.json", "legacy");
    }

    private void assertVectorsProduced(String file, String encoder) {
        List<EventCase> cases = Vectors.eventCases(file);
        String topic = topic("vectors");
        RecordingReport report = new RecordingReport();
        KafkaDestination destination = parse(broker.bootstrap() + "/" + topic + "?key=callid", report);
        long before = System.currentTimeMillis();
        for (EventCase c : cases) {
            assertThat(transport.send(destination, new TestOutgoing(c.event(), encoder, c.expected())))
                    .isSameAs(SendResult.PENDING);
        }
        await().atMost(PATIENCE).until(() -> report.delivered.get() == cases.size());

        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.read(broker.bootstrap(), topic, cases.size(),
                PATIENCE);
        assertThat(records).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            assertThat(record.value()).as(cases.get(i).id()).isEqualTo(cases.get(i).expected());
            assertThat(record.headers().toArray()).as("headers").isEmpty();
            assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(record.timestamp()).isGreaterThanOrEqualTo(before);
            assertThat(record.key()).as("key of %s", cases.get(i).id()).isEqualTo(CallIdKey.of(cases.get(i).event()));
        }
        assertThat(report.sent.get()).isEqualTo(cases.size());
        assertThat(report.failed.get() + report.dropped.get()).isZero();
    }

    @Test
    void keyCallIdGivesTheCallIdParameterAsKeyAndOtherSubscribersNoKey() {
        String topic = topic("keys");
        RecordingReport report = new RecordingReport();
        KafkaDestination keyed = parse(broker.bootstrap() + "/" + topic + "?key=callid", report);
        KafkaDestination plain = parse(broker.bootstrap() + "/" + topic, report);
        Event withCallId = Event.builder("E_DLG").param("callid", "a84b4c76e66710@pc33.atlanta.com")
                .param("state", 4).build();
        Event intCallId = Event.builder("E_X").param("CallID", 42).build();
        Event without = Event.builder("E_X").param("who", "x").build();
        Event nullCallId = Event.builder("E_X").nullParam("callid").build();
        for (Event event : List.of(withCallId, intCallId, without, nullCallId)) {
            transport.send(keyed, new TestOutgoing(event, "jsonrpc", bytes(event.name())));
        }
        transport.send(plain, new TestOutgoing(withCallId, "jsonrpc", bytes("plain")));
        await().atMost(PATIENCE).until(() -> report.delivered.get() == 5);

        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.read(broker.bootstrap(), topic, 5, PATIENCE);
        assertThat(records).extracting(r -> r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("a84b4c76e66710@pc33.atlanta.com", "42", null, null, null);
        assertThat(records).filteredOn(r -> new String(r.value(), StandardCharsets.UTF_8).equals("plain"))
                .singleElement().extracting(ConsumerRecord::key).isNull();
    }

    @Test
    void subscribersWithTheSameBrokersAndPropertiesShareOneProducer() throws InterruptedException {
        RecordingReport report = new RecordingReport();
        String[] topics = {topic("share-a"), topic("share-b"), topic("share-c")};
        List<KafkaDestination> shared = List.of(parse(broker.bootstrap() + "/" + topics[0], report),
                parse(broker.bootstrap() + "/" + topics[1] + "?key=callid", report),
                parse(" " + broker.bootstrap() + "/" + topics[2], report));
        KafkaDestination own = parse(broker.bootstrap() + "/" + topics[0] + "?g.linger.ms=0", report);
        for (KafkaDestination destination : shared) {
            transport.send(destination, new TestOutgoing(Event.builder("E").build(), "jsonrpc", bytes("shared")));
        }
        transport.send(own, new TestOutgoing(Event.builder("E").build(), "jsonrpc", bytes("own")));
        await().atMost(PATIENCE).until(() -> report.delivered.get() == 4);

        assertThat(transport.producers()).hasSize(2);
        assertThat(Threads.named("evi4j-kafka-")).hasSize(2);
        assertThat(TopicReader.read(broker.bootstrap(), topics[0], 2, PATIENCE)).hasSize(2);

        shared.forEach(transport::release);
        await().atMost(PATIENCE).until(() -> Threads.named("evi4j-kafka-").size() == 1);
        assertThat(transport.producers()).hasSize(1);
        transport.deactivate();
        assertThat(Threads.named("evi4j-kafka-")).isEmpty();
        assertThat(Threads.named("kafka-producer-network-thread")).isEmpty();
    }

    @Test
    void aRecordTheClientRefusesIsReportedFailedWithItsReasonAndTheNextOnesGoThrough() {
        String topic = topic("too-large");
        RecordingReport report = new RecordingReport();
        KafkaDestination destination = parse(broker.bootstrap() + "/" + topic + "?g.max.request.size=400", report);
        transport.send(destination, new TestOutgoing(Event.builder("E").build(), "jsonrpc", new byte[1000]));
        transport.send(destination, new TestOutgoing(Event.builder("E").build(), "jsonrpc", bytes("small")));
        await().atMost(PATIENCE).until(() -> report.delivered.get() == 1 && report.failed.get() == 1);
        assertThat(report.failures).singleElement().asString().startsWith("Kafka " + broker.bootstrap() + " topic "
                + topic + ": The message is ").contains("max.request.size");
        assertThat(TopicReader.read(broker.bootstrap(), topic, 1, PATIENCE)).extracting(ConsumerRecord::value)
                .containsExactly(bytes("small"));
    }

    @Test
    void aDestinationReleasedBeforeItsFirstSendIsRefusedAndStartsNoProducer() {
        KafkaDestination destination = parse(broker.bootstrap() + "/" + topic("released"), new RecordingReport());
        transport.release(destination);
        SendResult result = transport.send(destination, new TestOutgoing(Event.builder("E").build(), "jsonrpc",
                bytes("x")));
        assertThat(result.status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(transport.producers()).isEmpty();
    }

    private KafkaDestination parse(String address, RecordingReport report) {
        return (KafkaDestination) transport.parse(address, report);
    }

    static String topic(String name) {
        return "evi4j-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
