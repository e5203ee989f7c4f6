package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.evi4j.mi.MiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue #17: one MI client cannot create more than its hourly quota of subscriptions; others still can. */
class SourceQuotaTest {

    private static final List<String> THREE = List.of("event", "socket", "expire");
    private final TestEventInterface evi = new TestEventInterface();
    private final EventSubscribeCommand command = new EventSubscribeCommand(evi, 3);

    @BeforeEach
    void publish() {
        evi.publish("E_A");
    }

    private void subscribe(String client, int port) throws MiException {
        command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:" + port, 60).from(client));
    }

    @Test
    void aClientPastItsQuotaIsRefusedWhileRefreshesAndOtherClientsGoOn() throws MiException {
        for (int port = 1; port <= 3; port++) {
            subscribe("udp:127.0.0.1", port);
        }
        MiException refused = catchThrowableOfType(() -> subscribe("udp:127.0.0.1", 4), MiException.class);
        assertThat(refused.code()).isEqualTo(400);
        subscribe("udp:127.0.0.1", 2);
        subscribe("unix:uid=1000", 4);
        command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:5", 60));
        assertThat(evi.subscribers("E_A")).hasSize(5);
    }

    @Test
    void zeroMeansNoLimit() throws MiException {
        EventSubscribeCommand open = new EventSubscribeCommand(evi, 0);
        for (int port = 1; port <= 20; port++) {
            open.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:" + port, 60).from("udp:127.0.0.1"));
        }
        assertThat(evi.subscribers("E_A")).hasSize(20);
    }
}
