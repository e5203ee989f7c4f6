package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();

    @BeforeEach
    void traffic() {
        evi.publish("E_A");
        evi.publish("E_B");
        evi.subscribe("E_A", "udp:127.0.0.1:1");
        evi.subscribe("E_A", "udp:127.0.0.1:2");
        evi.subscribe("E_B", "unix:/tmp/b.sock");
        evi.unreachable("unix:/tmp/b.sock");
        evi.confirming("udp:127.0.0.1:2");
        for (int i = 0; i < 3; i++) {
            evi.raise(Event.of("E_A"));
        }
        evi.raise(Event.of("E_B"));
    }

    private Output run(boolean reset) {
        Output out = new Output();
        StatsCommand command = new StatsCommand();
        command.evi = evi;
        command.reset = reset;
        command.print(out.stream);
        return out;
    }

    @Test
    void sumsSubscriberCountersPerEventWithTotals() {
        Output out = run(false);

        assertThat(out.header()).containsExactly("Event", "Raised", "Subscribers", "Sent", "Delivered", "Failed",
                "Dropped", "Undelivered");
        assertThat(out.rows()).containsExactly(List.of("E_A", "3", "2", "6", "3", "0", "0", "0"),
                List.of("E_B", "1", "1", "0", "0", "1", "0", "0"), List.of("Total", "4", "3", "6", "3", "1", "0", "0"));
    }

    @Test
    void resetShowsTheCountersThenZeroesThem() {
        Output first = run(true);
        assertThat(first.rows().get(2)).containsExactly("Total", "4", "3", "6", "3", "1", "0", "0");
        assertThat(first.text()).endsWith("Statistics reset\n");

        assertThat(run(false).rows().get(2)).containsExactly("Total", "0", "3", "0", "0", "0", "0", "0");
    }
}
