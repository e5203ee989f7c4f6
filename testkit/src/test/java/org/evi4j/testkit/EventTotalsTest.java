package org.evi4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventTotals;
import org.evi4j.api.SubscriberInfo;
import org.junit.jupiter.api.Test;

/** The API's totals (EventInterface's default methods), over the in-memory Event Interface. */
class EventTotalsTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();

    @Test
    void sumsEachCounterOverTheSubscribers() {
        EventTotals totals = EventTotals.of(9, List.of(
                new SubscriberInfo("udp:127.0.0.1:1", "jsonrpc", 60, 60, 5, 4, 1, 2, 3, null),
                new SubscriberInfo("udp:127.0.0.1:2", "legacy", 60, 60, 10, 0, 20, 30, 40, "unreachable")));

        assertThat(totals).isEqualTo(new EventTotals(9, 2, 15, 4, 21, 32, 43));
        assertThat(totals.plus(totals)).isEqualTo(new EventTotals(18, 4, 30, 8, 42, 64, 86));
        assertThat(EventTotals.NONE.plus(totals)).isEqualTo(totals);
    }

    @Test
    void perEventFromTheEventInterfaceAndOverAllEvents() {
        evi.publish("E_ONE");
        evi.publish("E_TWO");
        evi.subscribe("E_ONE", "udp:127.0.0.1:7");
        evi.subscribe("E_TWO", "unix:/tmp/two.sock");
        evi.unreachable("unix:/tmp/two.sock");
        evi.raise(Event.of("E_ONE"));
        evi.raise(Event.of("E_TWO"));
        evi.raise(Event.of("E_TWO"));

        assertThat(evi.totals(evi.event("E_ONE").orElseThrow())).isEqualTo(new EventTotals(1, 1, 1, 0, 0, 0, 0));
        assertThat(evi.totals(evi.event("E_TWO").orElseThrow())).isEqualTo(new EventTotals(2, 1, 0, 0, 2, 0, 0));
        assertThat(evi.totals()).isEqualTo(new EventTotals(3, 2, 1, 0, 2, 0, 0));
    }

    @Test
    void anEventThatIsNotPublishedCountsItsRaisesAndNoSubscribers() {
        assertThat(evi.totals(new EventInfo("E_GONE", 7, 5))).isEqualTo(new EventTotals(5, 0, 0, 0, 0, 0, 0));
        assertThat(evi.totals()).isEqualTo(EventTotals.NONE);
    }
}
