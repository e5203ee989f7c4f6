package org.evi4j.transport.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evi4j.api.Event;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.KafkaBroker;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.Test;

/**
 * A broker that is not there, or goes away under traffic: sends never wait for it, the queue absorbs what fits (in
 * bytes) and drops the rest, delivery resumes by itself, and whatever was reported delivered is in the topic.
 */
class KafkaOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Event EVENT = Event.builder("E_OUTAGE").build();

    @Test
    void withNoBrokerTheQueueFillsToItsBytesAndDropsTheRestWithoutWaiting() throws Exception {
        KafkaTransport transport = TestTransports.transport(2048, 16);
        try {
            RecordingReport report = new RecordingReport();
            KafkaDestination destination = (KafkaDestination) transport.parse("127.0.0.1:" + closedPort() + "/t",
                    report);
            int pending = 0;
            int dropped = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                SendResult result = transport.send(destination, new TestOutgoing(EVENT, "jsonrpc", new byte[100]));
                if (result == SendResult.PENDING) {
                    pending++;
                } else {
                    assertThat(result.status()).isEqualTo(SendResult.Status.DROPPED);
                    assertThat(result.reason()).isEqualTo("Kafka queue full: 2048 bytes wait for 127.0.0.1:"
                            + destination.producer().bootstrap().split(":")[1]);
                    dropped++;
                }
            }
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            System.out.printf("kafka, no broker: 200 sends in %d us, %d queued, %d dropped%n", micros, pending,
                    dropped);
            // 2048 bytes hold 10 records of 100 + 96 bytes, whether queued or taken by the producer thread
            assertThat(pending).isEqualTo(10);
            assertThat(dropped).isEqualTo(190);
            await().atMost(PATIENCE).until(() -> !report.problems.isEmpty());
            assertThat(report.problems.get(0)).startsWith("Kafka " + destination.producer().bootstrap()
                    + " not reachable for topic t: Topic t not present in metadata after 1000 ms");
            assertThat(transport.producers()).singleElement().satisfies(stats -> {
                assertThat(stats.dropped()).isEqualTo(190);
                assertThat(stats.waitingBytes()).isEqualTo(10 * 196);
            });
        } finally {
            transport.deactivate();
        }
        assertThat(Threads.named("evi4j-kafka-")).isEmpty();
    }

    @Test
    void theBrokerKilledAndRestartedUnderTrafficLosesNothingItAcknowledged() throws Exception {
        KafkaBroker broker = SharedBroker.get();
        KafkaTransport transport = TestTransports.transport(64 * 1024, 16);
        String topic = KafkaTransportBrokerTest.topic("outage");
        RecordingReport report = new RecordingReport();
        // a small client buffer, so that the client soon stops taking records once the broker is gone
        KafkaDestination destination = (KafkaDestination) transport.parse(broker.bootstrap() + "/" + topic
                + "?g.buffer.memory=65536", report);
        Pacer pacer = new Pacer(transport, destination);
        try {
            pacer.start();
            await().atMost(PATIENCE).until(() -> report.delivered.get() >= 50);
            long t0 = System.nanoTime();
            broker.kill();
            int deliveredBefore = report.delivered.get();
            await().atMost(PATIENCE).until(() -> pacer.dropped() > 0 && !report.problems.isEmpty());
            long t1 = System.nanoTime();
            broker.restart();
            long t2 = System.nanoTime();
            await().atMost(PATIENCE).until(() -> report.delivered.get() > deliveredBefore + 100);
            System.out.printf("kafka outage: dropping %d ms after the kill, broker back after %d ms, delivering "
                    + "again %d ms later%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
        } finally {
            pacer.stopAndJoin();
        }
        try {
            await().atMost(PATIENCE).until(() -> report.delivered.get() + report.failed.get()
                    + report.dropped.get() == pacer.pending());
            System.out.printf("kafka outage: sent %s, delivered %s, dropped %s, failed %s; %d sends, longest %d us, "
                    + "%d dropped at once%n", report.sent, report.delivered, report.dropped, report.failed,
                    pacer.sent(), pacer.longestMicros(), pacer.dropped());
            assertThat(pacer.longestMicros()).as("longest send (us): never waits for the broker")
                    .isLessThan(500_000);
            List<ConsumerRecord<byte[], byte[]>> records = TopicReader.read(broker.bootstrap(), topic,
                    report.delivered.get(), PATIENCE);
            Set<String> values = new HashSet<>();
            records.forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
            assertThat(values).as("distinct records").hasSize(records.size());
            assertThat(records.size()).as("records in the topic = deliveries reported")
                    .isEqualTo(report.delivered.get());
        } finally {
            transport.deactivate();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Sends numbered events at about 1000 a second (at most two minutes), timing each send. */
    private static final class Pacer extends Thread {

        private final KafkaTransport transport;
        private final KafkaDestination destination;
        private volatile boolean stop;
        private volatile long sent;
        private volatile long pending;
        private volatile long dropped;
        private volatile long longestNanos;

        Pacer(KafkaTransport transport, KafkaDestination destination) {
            super("test-kafka-pacer");
            this.transport = transport;
            this.destination = destination;
        }

        @Override
        public void run() {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            for (long i = 0; !stop && System.nanoTime() - end < 0; i++) {
                byte[] value = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                SendResult result = transport.send(destination, new TestOutgoing(EVENT, "jsonrpc", value));
                longestNanos = Math.max(longestNanos, System.nanoTime() - start);
                sent++;
                if (result == SendResult.PENDING) {
                    pending++;
                } else {
                    dropped++;
                }
                if (i % 10 == 9) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        void stopAndJoin() throws InterruptedException {
            stop = true;
            join(10_000);
        }

        long sent() {
            return sent;
        }

        long pending() {
            return pending;
        }

        long dropped() {
            return dropped;
        }

        long longestMicros() {
            return TimeUnit.NANOSECONDS.toMicros(longestNanos);
        }
    }
}
