package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.support.Cidr;
import org.junit.jupiter.api.Test;

/** allowed_destinations, max_expire and the subscriber limits. */
class AdmissionTest {

    private static final List<Cidr> LOOPBACK = Settings.defaults().allowedDestinations();

    @Test
    void loopbackIsAllowedByDefaultAndOtherAddressesRefused() {
        Fixture f = new Fixture();
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "udp:127.9.9.9:1");
        f.engine.subscribe("E_A", "udp:[::1]:1");
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:10.0.0.1:80"))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessage("destination udp:10.0.0.1:80 not allowed (allowed_destinations)");
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:[::2]:80"))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("not allowed");
        assertThat(f.engine.subscribers("E_A")).hasSize(3);
        assertThat(f.udp.released).as("the refused destinations are given back")
                .containsExactly("10.0.0.1:80", "[::2]:80");
    }

    @Test
    void destinationsWithoutAnIpAreAlwaysAllowed() {
        Fixture f = new Fixture(Fixture.settings(List.of(), 0, 10, 10));
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "unix:/tmp/x");
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:1"))
                .isInstanceOf(InvalidSubscriptionException.class);
        assertThat(f.engine.subscribers("E_A")).hasSize(1);
    }

    @Test
    void allNetworksOpenEverything() {
        Fixture f = new Fixture(Fixture.settings(List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")), 0, 10, 10));
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:192.0.2.7:9");
        f.engine.subscribe("E_A", "udp:[2001:db8::1]:9");
        assertThat(f.engine.subscribers("E_A")).hasSize(2);
    }

    @Test
    void expireAboveMaxExpireIsRefused() {
        Fixture f = new Fixture(Fixture.settings(LOOPBACK, 600, 10, 10));
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 600);
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:2", 601))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessage("expire 601 exceeds max_expire 600");
        assertThat(f.engine.subscribers("E_A")).hasSize(1);
    }

    @Test
    void perEventLimitCountsNewSubscribersNotRefreshes() {
        Fixture f = new Fixture(Fixture.settings(LOOPBACK, 0, 2, 100));
        f.engine.publish("E_A");
        f.engine.publish("E_B");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "udp:127.0.0.1:2");
        f.engine.subscribe("E_A", "udp:127.0.0.1:2", 10);
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:3"))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessage("max_subscribers_per_event (2) reached for event E_A");
        f.engine.subscribe("E_B", "udp:127.0.0.1:3");
        assertThat(f.udp.released).contains("127.0.0.1:3");
    }

    @Test
    void totalLimitSpansEventsAndFreesWithUnsubscribeAndExpiry() {
        Fixture f = new Fixture(Fixture.settings(LOOPBACK, 0, 10, 2));
        f.engine.publish("E_A");
        f.engine.publish("E_B");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 5);
        f.engine.subscribe("E_B", "udp:127.0.0.1:2");
        assertThatThrownBy(() -> f.engine.subscribe("E_B", "udp:127.0.0.1:3"))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessage("max_subscribers (2) reached");
        f.engine.unsubscribe("E_B", "udp:127.0.0.1:2");
        f.engine.subscribe("E_B", "udp:127.0.0.1:3");
        f.clock.advanceSeconds(5);
        f.engine.subscribe("E_B", "udp:127.0.0.1:4");
        assertThat(f.engine.subscribers("E_B")).hasSize(2);
        assertThat(f.engine.subscribers("E_A")).isEmpty();
    }
}
