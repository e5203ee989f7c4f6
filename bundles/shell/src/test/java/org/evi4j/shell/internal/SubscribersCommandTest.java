package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.UnknownEventException;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscribersCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private final Output out = new Output();

    @BeforeEach
    void subscribers() {
        evi.publish("E_A");
        evi.publish("E_B");
        evi.subscribe("E_A", "udp:127.0.0.1:8081", 100);
        evi.subscribe("E_A", "unix:/tmp/a.sock;encoder=legacy", 60);
        evi.subscribe("E_B", "udp:[::1]:9000", 30);
        evi.unreachable("unix:/tmp/a.sock");
        evi.raise(Event.of("E_A"));
        evi.confirming("udp:127.0.0.1:8081");
        evi.raise(Event.of("E_A"));
        evi.raise(Event.of("E_B"));
        evi.setClock(20);
    }

    private void run(String event) {
        SubscribersCommand command = new SubscribersCommand();
        command.evi = evi;
        command.event = event;
        command.print(out.stream);
    }

    @Test
    void listsOneEventsSubscribersNewestFirstWithCounters() {
        run("E_A");

        assertThat(out.header()).containsExactly("Event", "Socket", "Encoder", "Expire", "TTL", "Sent", "Delivered",
                "Failed", "Dropped", "Undelivered", "Last error");
        assertThat(out.rows()).containsExactly(
                List.of("E_A", "unix:/tmp/a.sock;encoder=legacy", "legacy", "60", "40", "0", "0", "2", "0", "0",
                        "Connection refused"),
                List.of("E_A", "udp:127.0.0.1:8081", "jsonrpc", "100", "80", "2", "1", "0", "0", "0", ""));
    }

    @Test
    void withoutAnEventListsEveryEventsLiveSubscribers() {
        evi.setClock(40);
        run(null);

        assertThat(out.rows()).extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly("E_A unix:/tmp/a.sock;encoder=legacy", "E_A udp:127.0.0.1:8081");
    }

    @Test
    void unknownEventIsAnError() {
        assertThatThrownBy(() -> run("E_NOPE")).isInstanceOf(UnknownEventException.class)
                .hasMessageContaining("E_NOPE");
    }
}
