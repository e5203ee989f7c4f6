package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscribeCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private final Output out = new Output();

    @BeforeEach
    void publish() {
        evi.publish("E_A");
    }

    private void run(String socket, Integer expire) {
        SubscribeCommand command = new SubscribeCommand();
        command.evi = evi;
        command.event = "E_A";
        command.socket = socket;
        command.expire = expire;
        command.print(out.stream);
    }

    @Test
    void subscribesWithTheDefaultExpire() {
        run("udp:127.0.0.1:8081", null);

        assertThat(evi.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("udp:127.0.0.1:8081", 3600));
        assertThat(out.text()).isEqualTo("Subscribed udp:127.0.0.1:8081 to E_A for 3600 s\n");
    }

    @Test
    void refreshesWithAnotherEncoderAndExpire() {
        run("unix:/tmp/s.sock", 10);
        run("unix:/tmp/s.sock;encoder=legacy", 20);

        assertThat(evi.subscribers("E_A")).singleElement().satisfies(s -> {
            assertThat(s.encoder()).isEqualTo("legacy");
            assertThat(s.expire()).isEqualTo(20);
        });
        assertThat(out.text()).endsWith("Subscribed unix:/tmp/s.sock;encoder=legacy to E_A for 20 s\n");
    }

    @Test
    void expireZeroUnsubscribes() {
        run("udp:127.0.0.1:8081", 60);
        run("udp:127.0.0.1:8081", 0);

        assertThat(evi.subscribers("E_A")).isEmpty();
        assertThat(out.text()).endsWith("Unsubscribed udp:127.0.0.1:8081 from E_A\n");
    }

    @Test
    void refusedSocketIsAnErrorAndNothingIsPrinted() {
        assertThatThrownBy(() -> run("tcp:127.0.0.1:1", 60)).isInstanceOf(InvalidSubscriptionException.class);
        assertThat(out.text()).isEmpty();
        assertThat(evi.subscribers("E_A")).isEmpty();
    }

    @Test
    void theShellNeverEchoesAPassword() {
        run("udp:u:CANARY@127.0.0.1:8081", 60);
        run("udp:u:CANARY@127.0.0.1:8081", 0);
        assertThat(out.text()).doesNotContain("CANARY").contains("u:***@127.0.0.1:8081");
    }
}
