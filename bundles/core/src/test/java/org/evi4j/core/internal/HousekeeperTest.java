package org.evi4j.core.internal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HousekeeperTest {

    @Test
    void sweepsExpiredSubscribersInTheBackground() {
        Fixture f = new Fixture();
        Housekeeper keeper = new Housekeeper(20);
        keeper.start(f.engine);
        try {
            f.engine.publish("E_A");
            f.engine.subscribe("E_A", "udp:127.0.0.1:1", 5);
            f.clock.advanceSeconds(5);
            await().atMost(Duration.ofSeconds(5)).until(() -> f.udp.released.contains("127.0.0.1:1"));
        } finally {
            keeper.stop();
        }
    }
}
