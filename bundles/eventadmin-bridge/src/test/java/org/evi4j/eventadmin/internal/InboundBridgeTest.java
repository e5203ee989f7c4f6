package org.evi4j.eventadmin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundBridgeTest {

    private final List<InboundBridge> bridges = new ArrayList<>();

    @AfterEach
    void stop() {
        bridges.forEach(InboundBridge::close);
    }

    private InboundBridge bridge(InMemoryEventInterface evi, String eventName, int queueSize) {
        InboundBridge bridge = new InboundBridge(evi, eventName, queueSize, "org/foo/*");
        bridges.add(bridge);
        return bridge;
    }

    private static org.osgi.service.event.Event event(String topic, Map<String, ?> properties) {
        return new org.osgi.service.event.Event(topic, properties);
    }

    @Test
    void raisesTheConfiguredEventWithTheMappedParamsOnItsOwnThread() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        InboundBridge bridge = bridge(evi, "E_FOO", 16);
        assertThat(evi.published()).containsExactly("E_FOO");

        bridge.handleEvent(event("org/foo/Bar", Map.of("user", "alice", "code", 404)));

        await().atMost(Duration.ofSeconds(10)).until(() -> evi.raised().size() == 1);
        assertThat(evi.raised().get(0)).isEqualTo(
                Event.of("E_FOO", EventParam.of("code", 404), EventParam.of("user", "alice")));
        assertThat(evi.raisingThreads().get(0)).startsWith("evi4j EventAdmin bridge")
                .isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void derivedNamesArePublishedOnceOnFirstUse() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        InboundBridge bridge = bridge(evi, "", 16);
        assertThat(evi.published()).isEmpty();

        bridge.handleEvent(event("org/foo/Bar", Map.of()));
        bridge.handleEvent(event("org/foo/Baz", Map.of()));
        bridge.handleEvent(event("org/foo/Bar", Map.of("n", 1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> evi.raised().size() == 3);
        assertThat(evi.raised()).extracting(Event::name).containsExactly("E_ORG_FOO_BAR", "E_ORG_FOO_BAZ",
                "E_ORG_FOO_BAR");
        assertThat(evi.published()).containsExactly("E_ORG_FOO_BAR", "E_ORG_FOO_BAZ");
    }

    @Test
    void eventsTheBridgePostedAreNotBridgedBack() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        InboundBridge bridge = bridge(evi, "", 16);

        bridge.handleEvent(event("org/foo/Loop", Map.of(InboundMapper.BRIDGED, true)));
        bridge.handleEvent(event("org/foo/After", Map.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> evi.raised().size() == 1);
        assertThat(evi.raised()).extracting(Event::name).containsExactly("E_ORG_FOO_AFTER");
    }

    @Test
    void overflowIsCountedAndTheHandlerNeverWaits() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Consumer<Event> blocking = e -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        };
        InMemoryEventInterface evi = new InMemoryEventInterface(blocking);
        InboundBridge bridge = bridge(evi, "E_FOO", 2);

        bridge.handleEvent(event("org/foo/1", Map.of()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 2; i <= 6; i++) {
                bridge.handleEvent(event("org/foo/" + i, Map.of("i", i)));
            }
        }, "handleEvent waited for the blocked drain thread");
        assertThat(bridge.overflow()).isEqualTo(3);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> evi.raised().size() == 3);
        assertThat(evi.raised().get(2).params()).containsExactly(EventParam.of("i", 3));
    }

    @Test
    void aFailingRaiseDoesNotStopTheBridge() {
        AtomicInteger calls = new AtomicInteger();
        InMemoryEventInterface evi = new InMemoryEventInterface(e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
        });
        InboundBridge bridge = bridge(evi, "E_FOO", 16);

        bridge.handleEvent(event("org/foo/1", Map.of()));
        bridge.handleEvent(event("org/foo/2", Map.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 2);
    }

    @Test
    void badConfigurationIsRefusedWithAClearMessage() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        assertThatThrownBy(() -> bridge(evi, "E_" + "X".repeat(63), 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 64 bytes");
        assertThatThrownBy(() -> bridge(evi, "E_FOO", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue_size");
    }

    @Test
    void closeStopsTheThread() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        InboundBridge bridge = new InboundBridge(evi, null, 8, "org/stop/*");
        assertThat(bridgeThreads("org/stop/*")).isEqualTo(1);

        bridge.close();

        assertThat(bridgeThreads("org/stop/*")).isZero();
    }

    private static long bridgeThreads(String topics) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof BridgeThread && t.getName().endsWith(topics) && t.isAlive()).count();
    }
}
