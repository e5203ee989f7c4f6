package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscribers told apart, listed and logged by their shown address: a broker password never leaves the core. */
class ShownAddressTest {

    private static final Event E_A = Event.of("E_A");
    private final Fixture f = new Fixture();
    private final BrokerTransport mq = new BrokerTransport();

    @TempDir
    Path dir;

    @BeforeEach
    void brokerScheme() {
        f.transports.add(mq, f.props(EventTransport.SCHEME_PROPERTY, "mq", 0));
        f.engine.publish("E_A");
    }

    @Test
    void listingShowsTheSocketWithoutItsPassword() {
        f.engine.subscribe("E_A", "mq:u:SECRET@h/k;encoder=legacy");
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("mq:u@h/k;encoder=legacy");
        assertThat(f.engine.subscriber("E_A", "mq:u@h/k")).isPresent();
        assertThat(f.engine.subscriber("E_A", "mq:u:SECRET@h/k")).isPresent();
        assertThat(f.engine.subscriber("E_A", "mq:v@h/k")).isEmpty();
    }

    @Test
    void unsubscribeWithoutThePasswordRemovesTheSubscriber() {
        f.engine.subscribe("E_A", "mq:u:SECRET@h/k");
        assertThat(f.engine.unsubscribe("E_A", "mq:u@h/k")).isTrue();
        assertThat(f.engine.subscribers("E_A")).isEmpty();
        assertThat(mq.released).as("the look-up's destination, then the subscriber's")
                .containsExactly("u@h/k", "u:SECRET@h/k");
    }

    @Test
    void anotherPasswordRefreshesTheSubscriberAndTheNextParseUsesIt() {
        f.engine.subscribe("E_A", "mq:u:SECRET@h/k", 100);
        f.engine.subscribe("E_A", "mq:u:NEW@h/k", 200);
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                .containsExactly(tuple("mq:u@h/k", 200));
        assertThat(mq.released).containsExactly("u:SECRET@h/k");
        assertThat(f.records).last().isInstanceOfSatisfying(JournalRecord.Put.class, put -> assertThat(
                put.stored()).extracting(Stored::address, Stored::shown).containsExactly("u:NEW@h/k", "u@h/k"));

        f.unbind(mq);
        BrokerTransport restarted = new BrokerTransport();
        f.transports.add(restarted, f.props(EventTransport.SCHEME_PROPERTY, "mq", 0));
        assertThat(f.engine.raise(E_A)).isEqualTo(1);
        assertThat(restarted.parsed).containsExactly("u:NEW@h/k");
        assertThat(restarted.sends).hasSize(1);
    }

    @Test
    void aRestoredSubscriberHasItsKeyBeforeItsTransportIsBack() {
        Journaled a = new Journaled(dir);
        a.f.transports.add(new BrokerTransport(), a.f.props(EventTransport.SCHEME_PROPERTY, "mq", 0));
        a.f.engine.publish("E_A");
        a.f.engine.subscribe("E_A", "mq:u:SECRET@h/k");
        a.close();
        Fixture g = new Fixture();
        g.engine.restore(new JournalLog(dir, g.clock, 0, 10).load());
        assertThat(g.engine.subscribers("E_A")).extracting(SubscriberInfo::socket).containsExactly("mq:u@h/k");
        assertThat(g.engine.unsubscribe("E_A", "mq:u@h/k")).as("no mq transport: found by the key as given")
                .isTrue();
    }

    @Test
    void nothingLoggedOrRepliedHoldsThePassword() {
        List<String> replies = new ArrayList<>();
        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            f.engine.subscribe("E_A", "mq:u:SECRET@h/k");
            replies.add(refusal("mq:u:SECRET@10.0.0.1/k"));
            replies.add(refusal("mq:u:SECRET@h/k;encoder="));
            replies.add(refusal("mq:u:SECRET@h/k;encoder=nosuch"));
            replies.add(refusal("none:u:SECRET@h/k"));
            replies.add(refusal("mq:u:SECRET"));
            f.transports.add(throwingTransport(), f.props(EventTransport.SCHEME_PROPERTY, "odd", 0));
            replies.add(refusal("odd:u:SECRET@h/k"));

            mq.result = () -> SendResult.failed("connection refused");
            f.engine.raise(E_A);
            f.clock.advanceSeconds(61);
            mq.lastSendReport().dropped(1, "queue full");
            f.clock.advanceSeconds(61);
            mq.lastSendReport().problem("broker down");

            f.unbind(mq);
            f.transports.add(new EventTransport() {
                @Override
                public Destination parse(String address) {
                    throw new IllegalArgumentException("not today");
                }

                @Override
                public SendResult send(Destination destination, ByteBuffer payload) {
                    throw new AssertionError("never parsed");
                }
            }, f.props(EventTransport.SCHEME_PROPERTY, "mq", 0));
            f.clock.advanceSeconds(61);
            f.engine.raise(E_A);

            mq.releaseFailure = new IllegalStateException("release failed");
            f.transports.add(mq, f.props(EventTransport.SCHEME_PROPERTY, "mq", 5));
            f.engine.subscribe("E_A", "mq:u:SECRET2@h/k");
            f.engine.subscribe("E_A", "mq:u:SECRET3@h/k");
            log = captured.text();
        }
        f.engine.subscribers("E_A").forEach(s -> replies.add(s.toString()));
        assertThat(log).as("warnings were written and captured").contains("subscriber mq:u@h/k: connection refused")
                .contains("subscriber mq:u@h/k: queue full").contains("subscriber mq:u@h/k: broker down")
                .contains("not today").contains("transport of scheme odd").contains("failed to release u@h/k");
        assertThat(log).doesNotContain("SECRET");
        assertThat(replies).hasSize(7).allSatisfy(reply -> assertThat(reply).doesNotContain("SECRET"));
    }

    private String refusal(String socket) {
        Throwable refused = catchThrowable(() -> f.engine.subscribe("E_A", socket));
        assertThat(refused).as(socket).isNotNull();
        return refused.getMessage();
    }

    private static EventTransport throwingTransport() {
        return new EventTransport() {
            @Override
            public Destination parse(String address) {
                throw new IllegalStateException("transport bug");
            }

            @Override
            public SendResult send(Destination destination, ByteBuffer payload) {
                throw new AssertionError("never parsed");
            }
        };
    }
}
