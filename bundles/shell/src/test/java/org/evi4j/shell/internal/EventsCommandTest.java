package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Test;

class EventsCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private final Output out = new Output();

    private void run() {
        EventsCommand command = new EventsCommand();
        command.evi = evi;
        command.print(out.stream);
    }

    @Test
    void listsEventsInIdOrderWithRaiseCountsAndLiveSubscribers() {
        evi.publish("E_PIKE_BLOCKED");
        evi.publish("E_CORE_THRESHOLD");
        evi.subscribe("E_CORE_THRESHOLD", "udp:127.0.0.1:8081");
        evi.subscribe("E_CORE_THRESHOLD", "unix:/tmp/ev.sock", 5);
        evi.raise(Event.of("E_CORE_THRESHOLD"));
        evi.raise(Event.of("E_CORE_THRESHOLD"));
        evi.raise(Event.of("E_PIKE_BLOCKED"));
        evi.setClock(10);

        run();

        assertThat(out.header()).containsExactly("Id", "Name", "Raised", "Subscribers");
        assertThat(out.rows()).containsExactly(List.of("0", "E_PIKE_BLOCKED", "1", "0"),
                List.of("1", "E_CORE_THRESHOLD", "2", "1"));
    }

    @Test
    void saysSoWhenNothingIsPublished() {
        run();
        assertThat(out.rows()).isEmpty();
        assertThat(out.text()).contains("No event published");
    }
}
