package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.evi4j.api.Event;
import org.evi4j.api.SubscriberInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private final Fixture f = new Fixture();

    @BeforeEach
    void subscribe() {
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 10);
        f.engine.subscribe("E_A", "udp:127.0.0.1:2", 20);
    }

    @Test
    void subscriberIsLiveUntilItsExpireHasPassed() {
        f.clock.advanceMillis(9_999);
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::ttl).containsExactly(11L, 1L);
        f.clock.advanceMillis(1);
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("udp:127.0.0.1:2");
    }

    @Test
    void raiseSkipsAndPurgesExpiredSubscribers() {
        f.clock.advanceSeconds(10);
        assertThat(f.engine.raise(Event.of("E_A"))).isEqualTo(1);
        assertThat(f.udp.addresses()).containsExactly("127.0.0.1:2");
        assertThat(f.udp.released).as("purged at the raise, before any listing").containsExactly("127.0.0.1:1");
    }

    @Test
    void listingPurgesExpiredSubscribers() {
        f.clock.advanceSeconds(15);
        assertThat(f.engine.subscribers("E_A")).hasSize(1);
        assertThat(f.udp.released).containsExactly("127.0.0.1:1");
        assertThat(f.engine.subscriber("E_A", "udp:127.0.0.1:1")).isEmpty();
    }

    @Test
    void sweepPurgesEveryEvent() {
        f.engine.publish("E_B");
        f.engine.subscribe("E_B", "udp:127.0.0.1:3", 5);
        f.clock.advanceSeconds(30);
        f.engine.purgeExpired();
        assertThat(f.udp.released).containsExactlyInAnyOrder("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3");
        assertThat(f.engine.hasSubscribers("E_A")).isFalse();
        assertThat(f.engine.hasSubscribers("E_B")).isFalse();
    }

    @Test
    void hasSubscribersIgnoresExpiredOnes() {
        f.clock.advanceSeconds(19);
        assertThat(f.engine.hasSubscribers("E_A")).isTrue();
        f.clock.advanceSeconds(1);
        assertThat(f.engine.hasSubscribers("E_A")).isFalse();
    }

    @Test
    void refreshBeforeExpiryKeepsTheSubscriber() {
        f.clock.advanceSeconds(9);
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 10);
        f.clock.advanceSeconds(9);
        f.engine.raise(Event.of("E_A"));
        assertThat(f.udp.addresses()).containsExactly("127.0.0.1:2", "127.0.0.1:1");
    }

    @Test
    void aPurgedSubscriberCanSubscribeAgain() {
        f.clock.advanceSeconds(10);
        f.engine.purgeExpired();
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 10);
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("udp:127.0.0.1:1", "udp:127.0.0.1:2");
    }
}
