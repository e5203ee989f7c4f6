package org.evi4j.transport.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RabbitBroker;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker outage while events are raised at a steady rate: sends never block, the queue's overflow is dropped and
 * counted, subscribers hear of the problem, and delivery resumes on its own when the broker is back.
 */
class RabbitOutageTest {

    private static final int QUEUE_SIZE = 50;
    private static final String KEY = "evi4j.outage";

    private static RabbitBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = RabbitBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOutageNeverBlocksTheSenderAndDeliveryResumesWhenTheBrokerIsBack() throws Exception {
        RabbitTransport transport = new RabbitTransport(TestSettings.settings(QUEUE_SIZE, true));
        RecordingReport report = new RecordingReport();
        RabbitDestination d = (RabbitDestination) transport.parse(
                broker.host() + ":" + broker.port() + "/" + KEY, report);
        try (BrokerPeer peer = new BrokerPeer(broker)) {
            peer.durableQueue(KEY);
            for (int i = 0; i < 5; i++) {
                transport.send(d, bytes("before " + i));
            }
            await().untilAsserted(() -> assertThat(report.delivered).hasValue(5));
        }

        broker.stopApp();
        Sends during = sendSteadily(transport, d, 300);

        assertThat(during.slowestNanos()).as("every send returned within a second")
                .isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(during.pending()).as("the queue, and the event the publisher holds").isBetween(
                (long) QUEUE_SIZE, QUEUE_SIZE + 1L);
        assertThat(during.dropped()).isEqualTo(300 - during.pending());
        await().untilAsserted(() -> assertThat(report.problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("cannot connect to guest@" + broker.host() + ":" + broker.port() + ": ")));
        RabbitConnectionStats down = transport.connections().get(0);
        assertThat(down.connected()).isFalse();
        assertThat(down.dropped()).isEqualTo(during.dropped());
        assertThat(down.lastError()).startsWith("cannot connect to");

        broker.startApp();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(report.sent.get()).isEqualTo(5 + during.pending());
            assertThat(report.delivered.get()).isEqualTo(5 + during.pending());
        });
        assertThat(report.failed).hasValue(0);
        assertThat(transport.send(d, bytes("after"))).isSameAs(SendResult.PENDING);
        await().untilAsserted(() -> assertThat(report.delivered.get()).isEqualTo(6 + during.pending()));
        try (BrokerPeer peer = new BrokerPeer(broker)) {
            assertThat(peer.count(KEY)).isGreaterThanOrEqualTo(during.pending() + 1);
        }
        RabbitConnectionStats up = transport.connections().get(0);
        assertThat(up.connected()).isTrue();
        assertThat(up.reconnects()).isEqualTo(1);
        transport.deactivate();
    }

    /** Sends {@code count} events, one every 5 ms, timing each call. */
    private static Sends sendSteadily(RabbitTransport transport, RabbitDestination d, int count) {
        long pending = 0;
        long dropped = 0;
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            SendResult result = transport.send(d, bytes("during " + i));
            slowest = Math.max(slowest, System.nanoTime() - start);
            if (result == SendResult.PENDING) {
                pending++;
            } else if (result.status() == SendResult.Status.DROPPED) {
                dropped++;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return new Sends(pending, dropped, slowest);
    }

    private record Sends(long pending, long dropped, long slowestNanos) {
    }
}
