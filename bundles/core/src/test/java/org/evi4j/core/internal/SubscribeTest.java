package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.util.List;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscribeTest {

    private final Fixture f = new Fixture();

    @BeforeEach
    void publish() {
        f.engine.publish("E_A");
        f.engine.publish("E_B");
    }

    private List<String> sockets(String event) {
        return f.engine.subscribers(event).stream().map(SubscriberInfo::socket).toList();
    }

    @Test
    void defaultExpireIs3600AndTtlCountsDown() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        SubscriberInfo s = f.engine.subscribers("E_A").get(0);
        assertThat(s.expire()).isEqualTo(3600);
        assertThat(s.ttl()).isEqualTo(3600);
        assertThat(s.encoder()).isEqualTo("jsonrpc");
        f.clock.advanceSeconds(100);
        assertThat(f.engine.subscribers("E_A").get(0).ttl()).isEqualTo(3500);
    }

    @Test
    void refreshResetsTimeAndReplacesExpire() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081", 100);
        f.clock.advanceSeconds(60);
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081", 50);
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.expire()).isEqualTo(50))
                .satisfies(s -> assertThat(s.ttl()).isEqualTo(50));
        f.clock.advanceSeconds(45);
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        assertThat(f.engine.subscribers("E_A").get(0).expire()).isEqualTo(3600);
        assertThat(f.engine.subscribers("E_A").get(0).ttl()).isEqualTo(3600);
    }

    @Test
    void refreshSwitchesTheEncoderAndBackToTheDefault() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081;encoder=legacy");
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("udp:127.0.0.1:8081;encoder=legacy"))
                .satisfies(s -> assertThat(s.encoder()).isEqualTo("legacy"));
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("udp:127.0.0.1:8081"))
                .satisfies(s -> assertThat(s.encoder()).isEqualTo("jsonrpc"));
    }

    @Test
    void refreshReleasesTheOldDestinationOnce() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        assertThat(f.udp.released).containsExactly("127.0.0.1:8081");
        assertThat(f.engine.subscribers("E_A")).hasSize(1);
    }

    @Test
    void expireZeroUnsubscribesAtOnce() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081");
        f.engine.subscribe("E_A", "udp:127.0.0.1:8082");
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081", 0);
        assertThat(sockets("E_A")).containsExactly("udp:127.0.0.1:8082");
        assertThat(f.engine.hasSubscribers("E_A")).isTrue();
        f.engine.subscribe("E_A", "udp:127.0.0.1:8082;encoder=legacy", 0);
        assertThat(f.engine.hasSubscribers("E_A")).isFalse();
    }

    @Test
    void unsubscribeSaysWhetherThereWasSuchASubscriber() {
        f.engine.subscribe("E_A", "unix:/tmp/x");
        assertThat(f.engine.unsubscribe("E_A", "unix:/tmp/y")).isFalse();
        assertThat(f.engine.unsubscribe("E_B", "unix:/tmp/x")).isFalse();
        assertThat(f.engine.unsubscribe("E_A", "/tmp/x")).isTrue();
        assertThat(sockets("E_A")).isEmpty();
    }

    @Test
    void subscribersMatchExactlyNotByPrefix() {
        f.engine.subscribe("E_A", "unix:/tmp/ab", 100);
        f.engine.subscribe("E_A", "unix:/tmp/a", 111);
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                .containsExactly(tuple("unix:/tmp/a", 111),
                        tuple("unix:/tmp/ab", 100));
        assertThat(f.engine.subscriber("E_A", "unix:/tmp/a")).get().extracting(SubscriberInfo::expire)
                .isEqualTo(111);
        assertThat(f.engine.subscriber("E_A", "unix:/tmp/")).isEmpty();
    }

    @Test
    void bareAbsolutePathIsTheSameSubscriberAsUnixScheme() {
        f.engine.subscribe("E_A", "/tmp/ev.sock", 10);
        f.engine.subscribe("E_A", "unix:/tmp/ev.sock", 20);
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("unix:/tmp/ev.sock"))
                .satisfies(s -> assertThat(s.expire()).isEqualTo(20));
        assertThat(f.unix.parses.get()).isEqualTo(2);
        assertThat(f.udp.parses.get()).isZero();
    }

    @Test
    void canonicalAddressComesFromTheTransport() {
        f.engine.subscribe("E_A", "udp: 127.0.0.1:8081 ");
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081", 7);
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("udp:127.0.0.1:8081"))
                .satisfies(s -> assertThat(s.expire()).isEqualTo(7));
    }

    @Test
    void newestSubscriberIsListedFirst() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "udp:127.0.0.1:2");
        f.engine.subscribe("E_A", "unix:/tmp/3");
        assertThat(sockets("E_A")).containsExactly("unix:/tmp/3", "udp:127.0.0.1:2", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        assertThat(sockets("E_A")).as("a refresh keeps the place")
                .containsExactly("unix:/tmp/3", "udp:127.0.0.1:2", "udp:127.0.0.1:1");
    }

    @Test
    void subscriptionsOfEventsAreSeparate() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        assertThat(sockets("E_B")).isEmpty();
        assertThat(f.engine.subscriber("E_B", "udp:127.0.0.1:1")).isEmpty();
    }

    @Test
    void negativeExpireIsRefused() {
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:1", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThat(sockets("E_A")).isEmpty();
    }

    @Test
    void unknownSchemeOrEncoderIsRefusedNamingIt() {
        assertRefused("nosuch:127.0.0.1:80", "scheme 'nosuch'");
        assertRefused("udp:127.0.0.1:8081;encoder=nosuch", "encoder 'nosuch'");
        assertRefused("udp:127.0.0.1:8081;encoder=", "empty encoder");
        assertRefused("relative/ev.sock", "no scheme");
        assertRefused("", "empty");
        assertThat(f.udp.parses.get()).isZero();
    }

    @Test
    void anyOtherOptionIsPartOfTheAddressForTheTransportToJudge() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:8081;bogus=1;encoder=legacy");
        assertThat(f.udp.parses.get()).isEqualTo(1);
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("udp:127.0.0.1:8081;bogus=1;encoder=legacy"))
                .satisfies(s -> assertThat(s.encoder()).isEqualTo("legacy"));
        assertRefused("udp:127.0.0.1:8081;bad=1", "bad address '127.0.0.1:8081;bad=1'");
    }

    @Test
    void transportRefusalKeepsItsMessage() {
        assertRefused("udp:bad:1", "bad address 'bad:1'");
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:bad:1"))
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transportThatThrowsWhileParsingGivesAClearRefusal() {
        f.transports.add(new EventTransport() {
            @Override
            public Destination parse(String address) {
                throw new IllegalStateException("transport bug");
            }

            @Override
            public SendResult send(Destination d, ByteBuffer payload) {
                throw new AssertionError("never sent");
            }
        }, f.props("evi.transport", "odd", 0));
        assertRefused("odd:x", "transport of scheme odd failed");
        assertThat(f.engine.unsubscribe("E_A", "odd:x")).isFalse();
    }

    @Test
    void missingDefaultEncoderIsRefused() {
        f.encoders.remove(f.json);
        assertRefused("udp:127.0.0.1:1", "encoder 'jsonrpc'");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1;encoder=legacy");
        assertThat(sockets("E_A")).containsExactly("udp:127.0.0.1:1;encoder=legacy");
    }

    @Test
    void aRefusedSubscriptionChangesNothing() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
        assertRefused("udp:127.0.0.1:1;encoder=nosuch", "nosuch");
        assertThat(f.engine.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("udp:127.0.0.1:1"))
                .satisfies(s -> assertThat(s.expire()).isEqualTo(100));
        assertThat(f.changes.get()).isEqualTo(1);
    }

    @Test
    void everyChangeIsReported() {
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 5);
        f.engine.unsubscribe("E_A", "udp:127.0.0.1:1");
        assertThat(f.changes.get()).isGreaterThanOrEqualTo(3);
    }

    private void assertRefused(String socket, String messagePart) {
        int before = f.engine.subscribers("E_A").size();
        assertThatThrownBy(() -> f.engine.subscribe("E_A", socket))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining(messagePart);
        assertThat(f.engine.subscribers("E_A")).hasSize(before);
    }
}
