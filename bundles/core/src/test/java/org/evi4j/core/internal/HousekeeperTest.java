package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeeperTest {

    @TempDir
    Path dir;

    @Test
    void sweepsExpiredSubscribersInTheBackground() {
        Fixture f = new Fixture();
        Housekeeper keeper = new Housekeeper(null, 20, 1000);
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

    @Test
    void savesAfterAChangeAndOnStop() throws Exception {
        Path file = dir.resolve("s.txt");
        Fixture f = new Fixture();
        Housekeeper keeper = new Housekeeper(new SubscriptionStore(file), 60_000, 10);
        EventEngine engine = new EventEngine(Settings.defaults(), f.transports, f.encoders, f.clock,
                keeper::changed);
        keeper.start(engine);
        engine.publish("E_A");
        engine.subscribe("E_A", "udp:127.0.0.1:1");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file)
                && Files.readString(file).contains("127.0.0.1%3A1"));
        engine.subscribe("E_A", "udp:127.0.0.1:2");
        keeper.stop();
        assertThat(new SubscriptionStore(file).load()).hasSize(2);
    }
}
