package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Test;

class UnsubscribeCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private final Output out = new Output();

    private void run(String socket) {
        UnsubscribeCommand command = new UnsubscribeCommand();
        command.evi = evi;
        command.event = "E_A";
        command.socket = socket;
        command.print(out.stream);
    }

    @Test
    void removesOnlyThatSubscriber() {
        evi.publish("E_A");
        evi.subscribe("E_A", "udp:127.0.0.1:1");
        evi.subscribe("E_A", "udp:127.0.0.1:2");

        run("udp:127.0.0.1:1");

        assertThat(evi.subscribers("E_A")).extracting(SubscriberInfo::socket).containsExactly("udp:127.0.0.1:2");
        assertThat(out.text()).isEqualTo("Unsubscribed udp:127.0.0.1:1 from E_A\n");
    }

    @Test
    void unknownSubscriberIsAnError() {
        evi.publish("E_A");
        assertThatThrownBy(() -> run("udp:127.0.0.1:3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no subscriber udp:127.0.0.1:3 of E_A");
    }
}
