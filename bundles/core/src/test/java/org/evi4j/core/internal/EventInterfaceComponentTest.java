package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.EventListener;
import org.evi4j.testkit.Configs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The DS component driven as SCR would: bind, activate, use, deactivate. */
class EventInterfaceComponentTest {

    @TempDir
    Path dir;
    private final TestTransport udp = new TestTransport();
    private final TestEncoder json = new TestEncoder("jsonrpc");
    private EventInterfaceComponent active;

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDataFile")) {
                        return dir.resolve((String) args[0]).toFile(); // "" gives the data area itself
                    }
                    if (method.getName().equals("getProperty")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private EventInterfaceComponent start(Map<String, Object> config) {
        EventInterfaceComponent c = new EventInterfaceComponent();
        c.addTransport(udp, props("evi.transport", "udp", 1));
        c.addEncoder(json, props("evi.encoder", "jsonrpc", 2));
        c.activate(context(), Configs.of(CoreConfig.class, config));
        active = c;
        return c;
    }

    private void stop() {
        active.deactivate();
        active = null;
    }

    @AfterEach
    void cleanUp() {
        if (active != null) {
            stop();
        }
    }

    private static Map<String, Object> props(String key, String value, long id) {
        Map<String, Object> p = new HashMap<>();
        p.put(key, value);
        p.put("service.id", id);
        return p;
    }

    @Test
    void activatesWithoutConfigurationAndStopsItsThread() {
        EventInterfaceComponent c = start(Map.of());
        assertThat(c.events()).isEmpty();
        assertThat(c.publish("E_A")).isZero();
        c.subscribe("E_A", "udp:127.0.0.1:1");
        assertThat(c.raise(Event.of("E_A"))).isEqualTo(1);
        stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("evi4j-core-housekeeper")));
        assertThat(udp.released).as("destinations given back on deactivation").containsExactly("127.0.0.1:1");
    }

    @Test
    void publishesConfiguredEventsInOrder() {
        EventInterfaceComponent c = start(Map.of("published_events", "E_X, E_Y"));
        assertThat(c.events()).extracting(EventInfo::name).containsExactly("E_X", "E_Y");
    }

    @Test
    void subscriptionsSurviveARestart() {
        EventInterfaceComponent c = start(Map.of("published_events", "E_A"));
        c.subscribe("E_A", "udp:127.0.0.1:1", 500);
        stop();
        EventInterfaceComponent again = start(Map.of());
        assertThat(again.subscribers("E_A")).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo("udp:127.0.0.1:1"))
                .satisfies(s -> assertThat(s.ttl()).isBetween(490L, 500L));
    }

    @Test
    void aChangeIsInTheJournalWhenTheCallReturns() {
        EventInterfaceComponent c = start(Map.of("published_events", "E_A"));
        c.subscribe("E_A", "udp:127.0.0.1:7");
        assertThat(new JournalLog(dir, java.time.Clock.systemUTC(), 0, 10).load())
                .extracting(SubscriptionStore.Stored::address).containsExactly("127.0.0.1:7");
    }

    @Test
    void nothingIsSavedWhenPersistIsOff() throws Exception {
        EventInterfaceComponent c = start(Map.of("published_events", "E_A", "persist", false));
        c.subscribe("E_A", "udp:127.0.0.1:1");
        stop();
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing but the UNIX subscribers' folder").allMatch(f -> f.endsWith("sockets"));
        }
    }

    @Test
    void changedServicePropertiesMoveTheServiceToItsNewKey() {
        EventInterfaceComponent c = start(Map.of("published_events", "E_A"));
        c.updatedTransport(udp, props("evi.transport", "udp6", 1));
        c.updatedEncoder(json, props("evi.encoder", "json2", 2));
        assertThatThrownBy(() -> c.subscribe("E_A", "udp:127.0.0.1:1;encoder=json2"))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("scheme 'udp'");
        c.subscribe("E_A", "udp6:127.0.0.1:1;encoder=json2");
        assertThatThrownBy(() -> c.subscribe("E_A", "udp6:127.0.0.1:2"))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("encoder 'jsonrpc'");
    }

    @Test
    void transportsComeAndGoThroughTheBindMethods() {
        EventInterfaceComponent c = start(Map.of("published_events", "E_A"));
        c.subscribe("E_A", "udp:127.0.0.1:1");
        c.removeTransport(udp, props("evi.transport", "udp", 1));
        assertThat(c.raise(Event.of("E_A"))).as("a live subscriber; what became of the send is counted").isEqualTo(1);
        c.addTransport(udp, props("evi.transport", "udp", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> udp.parses.get() == 2);
        assertThat(c.raise(Event.of("E_A"))).isEqualTo(1);
        assertThat(c.subscriber("E_A", "udp:127.0.0.1:1")).get()
                .extracting(SubscriberInfo::sent, SubscriberInfo::undelivered).containsExactly(1L, 1L);
        assertThat(udp.parses.get()).as("parsed again after coming back, and by the look-up").isEqualTo(3);
    }

    @Test
    @Timeout(30)
    void aSlowParseAfterARestartNeverRunsOnTheRaisingThread() throws Exception {
        EventInterfaceComponent c = start(Map.of("published_events", "E_A"));
        c.subscribe("E_A", "udp:127.0.0.1:1");
        stop();
        CountDownLatch resolverAnswers = new CountDownLatch(1);
        List<Thread> parsers = new CopyOnWriteArrayList<>();
        udp.onParse = () -> {
            parsers.add(Thread.currentThread());
            try {
                resolverAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        c = start(Map.of("published_events", "E_A"));
        EventInterfaceComponent restarted = c;
        assertThat(restarted.raise(Event.of("E_A"))).as("the raise returns while the name resolves").isEqualTo(1);
        assertThat(udp.sent).isEmpty();
        resolverAnswers.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            restarted.raise(Event.of("E_A"));
            assertThat(udp.sent).isNotEmpty();
        });
        assertThat(parsers).isNotEmpty().doesNotContain(Thread.currentThread());
    }

    @Test
    void listenersSeeEveryRaisedEventAndTheirFailuresStayWithThem() {
        EventInterfaceComponent c = start(Map.of("published_events", "E_L"));
        List<Event> seen = new ArrayList<>();
        EventListener failing = event -> {
            throw new IllegalStateException("listener bug");
        };
        EventListener recording = seen::add;
        c.addListener(failing);
        c.addListener(recording);
        Event event = Event.builder("E_L").param("k", 1).build();

        assertThat(c.raise(event)).as("no subscribers").isZero();
        assertThat(seen).containsExactly(event);

        c.removeListener(recording);
        c.raise(event);
        assertThat(seen).hasSize(1);
    }
}
