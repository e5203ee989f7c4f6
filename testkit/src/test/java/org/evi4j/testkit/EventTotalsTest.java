package org.evi4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventTotals;
import org.junit.jupiter.api.Test;

/** The API's totals (EventInterface's default methods), over the in-memory Event Interface. */
class EventTotalsTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();

    @Test
    void sumsSubscribersPerEventAndEventsOverall() {
        evi.publish("E_A");
        evi.publish("E_B");
        evi.publish("E_QUIET");
        evi.subscribe("E_A", "udp:127.0.0.1:1");
        evi.subscribe("E_A", "udp:127.0.0.1:2");
        evi.subscribe("E_B", "unix:/tmp/b.sock");
        evi.unreachable("unix:/tmp/b.sock");
        evi.confirming("udp:127.0.0.1:2");
        for (int i = 0; i < 3; i++) {
            evi.raise(Event.of("E_A"));
        }
        evi.raise(Event.of("E_B"));

        assertThat(evi.totals(evi.event("E_A").orElseThrow())).isEqualTo(new EventTotals(3, 2, 6, 3, 0, 0, 0));
        assertThat(evi.totals(evi.event("E_B").orElseThrow())).isEqualTo(new EventTotals(1, 1, 0, 0, 1, 0, 0));
        assertThat(evi.totals()).isEqualTo(new EventTotals(4, 3, 6, 3, 1, 0, 0));
    }

    @Test
    void anEventThatIsNotPublishedCountsItsRaisesAndNoSubscribers() {
        assertThat(evi.totals(new EventInfo("E_GONE", 7, 5))).isEqualTo(new EventTotals(5, 0, 0, 0, 0, 0, 0));
        assertThat(evi.totals()).isEqualTo(EventTotals.NONE);
    }
}
