package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.api.UnknownEventException;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Test;

class RaiseCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private final Output out = new Output();

    private void run(String event, boolean strings, boolean publish, String... params) {
        RaiseCommand command = new RaiseCommand();
        command.evi = evi;
        command.event = event;
        command.strings = strings;
        command.publish = publish;
        command.params = params.length == 0 ? null : List.of(params);
        command.print(out.stream);
    }

    @Test
    void raisesWithTypedParamsToTheSubscribers() {
        evi.publish("E_PIKE_BLOCKED");
        evi.subscribe("E_PIKE_BLOCKED", "udp:127.0.0.1:8081");

        run("E_PIKE_BLOCKED", false, false, "ip=192.168.2.11", "count=3");

        assertThat(evi.raised()).containsExactly(Event.of("E_PIKE_BLOCKED", EventParam.of("ip", "192.168.2.11"),
                EventParam.of("count", 3)));
        assertThat(evi.event("E_PIKE_BLOCKED").orElseThrow().raised()).isEqualTo(1);
        assertThat(out.text()).isEqualTo("Raised E_PIKE_BLOCKED[ip=\"192.168.2.11\", count=3] to 1 subscriber\n");
    }

    @Test
    void stringsOption() {
        evi.publish("E_X");
        run("E_X", true, false, "7");
        assertThat(evi.raised()).containsExactly(Event.of("E_X", EventParam.of(null, "7")));
        assertThat(out.text()).endsWith("to 0 subscribers\n");
    }

    @Test
    void unpublishedEventIsAnErrorUnlessPublishIsAsked() {
        assertThatThrownBy(() -> run("E_NEW", false, false)).isInstanceOf(UnknownEventException.class);
        assertThat(evi.events()).isEmpty();

        run("E_NEW", false, true);

        assertThat(evi.event("E_NEW").orElseThrow().raised()).isEqualTo(1);
    }

    @Test
    void badEventNameIsAnError() {
        assertThatThrownBy(() -> run("E_" + "X".repeat(70), false, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 64 bytes");
    }
}
