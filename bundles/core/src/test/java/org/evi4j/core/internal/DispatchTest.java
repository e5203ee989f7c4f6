package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchTest {

    private static final Event E_A = Event.builder("E_A").param("k", "v").build();
    private final Fixture f = new Fixture();

    @BeforeEach
    void publish() {
        f.engine.publish("E_A");
    }

    private SubscriberInfo info(String socket) {
        return f.engine.subscriber("E_A", socket).orElseThrow();
    }

    @Test
    void noSubscribersNothingEncoded() {
        assertThat(f.engine.raise(E_A)).isZero();
        assertThat(f.json.calls.get()).isZero();
    }

    @Test
    void encodesOncePerEncoderInUseAndSendsTheSameBytes() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "unix:/tmp/2;encoder=legacy");
        f.engine.subscribe("E_A", "udp:127.0.0.1:3");
        assertThat(f.engine.raise(E_A)).isEqualTo(3);
        assertThat(f.json.calls.get()).isEqualTo(1);
        assertThat(f.legacy.calls.get()).isEqualTo(1);
        assertThat(f.udp.addresses()).as("newest first").containsExactly("127.0.0.1:3", "127.0.0.1:1");
        assertThat(f.udp.texts("127.0.0.1:1")).containsExactly("jsonrpc:E_A");
        assertThat(f.udp.texts("127.0.0.1:3")).containsExactly("jsonrpc:E_A");
        assertThat(f.unix.texts("/tmp/2")).containsExactly("legacy:E_A");
        assertThat(info("udp:127.0.0.1:1").sent()).isEqualTo(1);
    }

    @Test
    void unusedEncoderIsNotCalled() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.raise(E_A);
        assertThat(f.legacy.calls.get()).isZero();
    }

    @Test
    void eventOverTheDatagramLimitIsDroppedNotSent() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.json.size = EventInterface.MAX_DATAGRAM;
        assertThat(f.engine.raise(E_A)).isEqualTo(1);
        f.json.size = EventInterface.MAX_DATAGRAM + 1;
        assertThat(f.engine.raise(E_A)).as("a live subscriber; what became of the send is counted").isEqualTo(1);
        assertThat(f.udp.sent).hasSize(1);
        assertThat(f.udp.sent.get(0).bytes()).hasSize(EventInterface.MAX_DATAGRAM);
        SubscriberInfo s = info("udp:127.0.0.1:1");
        assertThat(s.sent()).isEqualTo(1);
        assertThat(s.dropped()).isEqualTo(1);
        assertThat(s.lastError()).contains("65458 bytes");
    }

    @Test
    void transportThatThrowsCountsAsFailedAndOthersStillGetTheEvent() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "unix:/tmp/2");
        f.udp.result = () -> {
            throw new IllegalStateException("boom");
        };
        assertThat(f.engine.raise(E_A)).isEqualTo(2);
        assertThat(info("udp:127.0.0.1:1").failed()).isEqualTo(1);
        assertThat(info("udp:127.0.0.1:1").lastError()).contains("boom");
        assertThat(info("unix:/tmp/2").sent()).isEqualTo(1);
    }

    @Test
    void failedAndDroppedResultsAreCountedAndKeepTheSubscriber() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.udp.result = () -> SendResult.failed("Connection refused");
        f.engine.raise(E_A);
        f.udp.result = () -> SendResult.dropped("queue full");
        f.engine.raise(E_A);
        f.engine.raise(E_A);
        SubscriberInfo s = info("udp:127.0.0.1:1");
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.dropped()).isEqualTo(2);
        assertThat(s.sent()).isZero();
        assertThat(s.lastError()).isEqualTo("queue full");
    }

    @Test
    void failingEncoderCountsAsFailed() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.json.failure = new IllegalStateException("bug");
        assertThat(f.engine.raise(E_A)).as("a live subscriber; what became of the send is counted").isEqualTo(1);
        assertThat(info("udp:127.0.0.1:1").failed()).isEqualTo(1);
    }

    @Test
    void missingEncoderCountsAsUndelivered() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1;encoder=legacy");
        f.encoders.remove(f.legacy);
        assertThat(f.engine.raise(E_A)).as("a live subscriber; what became of the send is counted").isEqualTo(1);
        assertThat(info("udp:127.0.0.1:1").undelivered()).isEqualTo(1);
        assertThat(info("udp:127.0.0.1:1").lastError()).contains("legacy");
    }

    @Test
    void unboundTransportLeavesSubscribersListedAndUndelivered() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.unbind(f.udp);
        assertThat(f.engine.raise(E_A)).as("a live subscriber; what became of the send is counted").isEqualTo(1);
        assertThat(f.udp.sent).isEmpty();
        SubscriberInfo s = info("udp:127.0.0.1:1");
        assertThat(s.undelivered()).isEqualTo(1);
        assertThat(s.lastError()).contains("udp");
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("udp:127.0.0.1:1");
        assertThat(f.udp.released).as("a transport that went away is not called").isEmpty();
    }

    @Test
    void reboundTransportResumesDeliveryWithAFreshParse() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.unbind(f.udp);
        f.engine.raise(E_A);
        TestTransport back = new TestTransport();
        f.transports.add(back, f.props(EventTransport.SCHEME_PROPERTY, "udp", 0));
        assertThat(f.engine.raise(E_A)).isEqualTo(1);
        assertThat(back.parses.get()).isEqualTo(1);
        assertThat(back.addresses()).containsExactly("127.0.0.1:1");
        f.engine.raise(E_A);
        assertThat(back.parses.get()).as("parsed once per transport instance").isEqualTo(1);
        assertThat(info("udp:127.0.0.1:1").sent()).isEqualTo(2);
        assertThat(info("udp:127.0.0.1:1").undelivered()).isEqualTo(1);
    }

    @Test
    void higherRankedTransportTakesOverAndTheOldDestinationIsReleased() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        TestTransport better = new TestTransport();
        f.transports.add(better, f.props(EventTransport.SCHEME_PROPERTY, "udp", 10));
        f.engine.raise(E_A);
        assertThat(better.addresses()).containsExactly("127.0.0.1:1");
        assertThat(f.udp.sent).isEmpty();
        assertThat(f.udp.released).containsExactly("127.0.0.1:1");
        f.unbind(better);
        f.engine.raise(E_A);
        assertThat(f.udp.addresses()).as("back to the remaining one").containsExactly("127.0.0.1:1");
    }

    @Test
    void addressTheNewTransportRefusesIsUndeliveredAndNotParsedAgain() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.unbind(f.udp);
        EventTransport refusing = new EventTransport() {
            @Override
            public Destination parse(String address) {
                throw new IllegalArgumentException("no way");
            }

            @Override
            public SendResult send(Destination destination, ByteBuffer payload) {
                throw new AssertionError("not parsed, not sent");
            }
        };
        f.transports.add(refusing, f.props(EventTransport.SCHEME_PROPERTY, "udp", 0));
        f.engine.raise(E_A);
        f.engine.raise(E_A);
        assertThat(info("udp:127.0.0.1:1").undelivered()).isEqualTo(2);
        assertThat(info("udp:127.0.0.1:1").lastError()).isEqualTo("no way");
    }

    @Test
    void transportThatMovesThePositionDoesNotSpoilOtherSends() {
        EventTransport consuming = new EventTransport() {
            @Override
            public Destination parse(String address) {
                return () -> address;
            }

            @Override
            public SendResult send(Destination destination, ByteBuffer payload) {
                payload.position(payload.limit());
                return SendResult.SENT;
            }
        };
        f.transports.add(consuming, f.props(EventTransport.SCHEME_PROPERTY, "x", 0));
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "x:whatever");
        f.engine.raise(E_A);
        assertThat(f.udp.texts("127.0.0.1:1")).containsExactly("jsonrpc:E_A");
    }

    @Test
    void concurrentRaisesAndSubscriptionsCountEverySend() throws Exception {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        int threads = 4;
        int raises = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < raises; i++) {
                        f.engine.raise(E_A);
                    }
                }));
            }
            done.add(pool.submit(() -> {
                for (int i = 0; i < raises; i++) {
                    f.engine.subscribe("E_A", "unix:/tmp/churn" + (i % 5));
                    f.engine.unsubscribe("E_A", "unix:/tmp/churn" + ((i + 2) % 5));
                }
            }));
            for (Future<?> d : done) {
                d.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(info("udp:127.0.0.1:1").sent()).isEqualTo((long) threads * raises);
        assertThat(f.udp.sent).hasSize(threads * raises);
    }

    @Test
    void resetStatisticsZeroesSubscriberCounters() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.raise(E_A);
        f.udp.result = () -> SendResult.failed("x");
        f.engine.raise(E_A);
        f.engine.resetStatistics();
        SubscriberInfo s = info("udp:127.0.0.1:1");
        assertThat(List.of(s.sent(), s.failed(), s.dropped(), s.undelivered())).containsOnly(0L);
        assertThat(s.lastError()).isNull();
    }
}
