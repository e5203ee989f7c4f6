package org.evi4j.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.evi4j.api.Event;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JmxComponentTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private ObjectName name;
    private JmxComponent component;

    @BeforeEach
    void activate() throws Exception {
        name = new ObjectName(JmxComponent.OBJECT_NAME);
        evi.publish("E_PIKE_BLOCKED");
        evi.publish("E_CORE_THRESHOLD");
        evi.subscribe("E_PIKE_BLOCKED", "udp:127.0.0.1:8081", 100);
        evi.subscribe("E_PIKE_BLOCKED", "unix:/tmp/p.sock;encoder=legacy", 60);
        evi.subscribe("E_CORE_THRESHOLD", "udp:127.0.0.1:9", 100);
        evi.subscribe("E_CORE_THRESHOLD", "udp:127.0.0.1:10", 100);
        evi.unreachable("unix:/tmp/p.sock");
        evi.full("udp:127.0.0.1:9");
        evi.noTransport("udp:127.0.0.1:10");
        raise("E_PIKE_BLOCKED", 1);
        evi.confirming("udp:127.0.0.1:8081");
        raise("E_PIKE_BLOCKED", 2);
        raise("E_CORE_THRESHOLD", 2);
        evi.setClock(10);
        component = new JmxComponent(evi);
    }

    @AfterEach
    void deactivate() {
        component.deactivate();
    }

    private void raise(String event, int times) {
        for (int i = 0; i < times; i++) {
            evi.raise(Event.of(event));
        }
    }

    @Test
    void scalarTotalsAreReadableThroughThePlatformServer() throws Exception {
        assertThat(server.getAttribute(name, "EventCount")).isEqualTo(2);
        assertThat(server.getAttribute(name, "SubscriberCount")).isEqualTo(4);
        assertThat(server.getAttribute(name, "TotalRaised")).isEqualTo(5L);
        assertThat(server.getAttribute(name, "TotalSent")).isEqualTo(3L);
        assertThat(server.getAttribute(name, "TotalDelivered")).isEqualTo(2L);
        assertThat(server.getAttribute(name, "TotalFailed")).isEqualTo(3L);
        assertThat(server.getAttribute(name, "TotalDropped")).isEqualTo(2L);
        assertThat(server.getAttribute(name, "TotalUndelivered")).isEqualTo(2L);
    }

    @Test
    void raisedPerEventIsATableKeyedByName() throws Exception {
        TabularData raised = (TabularData) server.getAttribute(name, "Raised");

        assertThat(raised.get(new Object[] {"E_PIKE_BLOCKED"}).get("value")).isEqualTo(3L);
        assertThat(raised.get(new Object[] {"E_CORE_THRESHOLD"}).get("value")).isEqualTo(2L);
        assertThat(raised.size()).isEqualTo(2);
    }

    @Test
    void eventsCarryTheirSummedSubscriberCounters() throws Exception {
        CompositeData[] events = (CompositeData[]) server.getAttribute(name, "Events");

        assertThat(events).hasSize(2);
        assertThat(events[0].getAll(new String[] {"name", "id", "raised", "subscribers", "sent", "failed"}))
                .containsExactly("E_PIKE_BLOCKED", 0, 3L, 2, 3L, 3L);
        assertThat(events[1].getAll(new String[] {"name", "id", "raised", "dropped", "undelivered"}))
                .containsExactly("E_CORE_THRESHOLD", 1, 2L, 2L, 2L);
    }

    @Test
    void subscribersCarryTheirOwnCounters() throws Exception {
        CompositeData[] subscribers = (CompositeData[]) server.getAttribute(name, "Subscribers");

        assertThat(subscribers).hasSize(4);
        CompositeData legacy = subscribers[0];
        assertThat(legacy.getAll(new String[] {"event", "socket", "encoder", "expire", "ttl", "sent", "failed",
                "lastError"})).containsExactly("E_PIKE_BLOCKED", "unix:/tmp/p.sock;encoder=legacy", "legacy", 60,
                        50L, 0L, 3L, "Connection refused");
        assertThat(subscribers[1].get("sent")).isEqualTo(3L);
        assertThat(subscribers[1].get("delivered")).isEqualTo(2L);
        assertThat(legacy.get("delivered")).isEqualTo(0L);
        assertThat(subscribers[1].get("lastError")).isNull();
        assertThat(Arrays.stream(subscribers).map(s -> s.get("event") + " " + s.get("socket")).toList())
                .containsExactly("E_PIKE_BLOCKED unix:/tmp/p.sock;encoder=legacy",
                        "E_PIKE_BLOCKED udp:127.0.0.1:8081", "E_CORE_THRESHOLD udp:127.0.0.1:10",
                        "E_CORE_THRESHOLD udp:127.0.0.1:9");
    }

    @Test
    void valuesAreReadAfreshOnEveryCall() throws Exception {
        raise("E_CORE_THRESHOLD", 4);
        evi.publish("E_NEW");

        assertThat(server.getAttribute(name, "TotalRaised")).isEqualTo(9L);
        assertThat(server.getAttribute(name, "EventCount")).isEqualTo(3);
    }

    @Test
    void resetStatisticsOperationZeroesEveryCounter() throws Exception {
        server.invoke(name, "resetStatistics", null, null);

        assertThat(server.getAttribute(name, "TotalRaised")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "TotalSent")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "TotalDelivered")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "TotalFailed")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "SubscriberCount")).isEqualTo(4);
    }

    @Test
    void aTypedProxyRebuildsTheStatisticsObjects() {
        EventInterfaceMXBean proxy = JMX.newMXBeanProxy(server, name, EventInterfaceMXBean.class);

        List<EventStatistics> events = proxy.getEvents();
        assertThat(events).extracting(EventStatistics::getName, EventStatistics::getRaised).containsExactly(
                org.assertj.core.groups.Tuple.tuple("E_PIKE_BLOCKED", 3L),
                org.assertj.core.groups.Tuple.tuple("E_CORE_THRESHOLD", 2L));
        assertThat(proxy.getSubscribers()).extracting(SubscriberStatistics::getUndelivered)
                .containsExactly(0L, 0L, 2L, 0L);
        assertThat(proxy.getSubscribers()).extracting(SubscriberStatistics::getDelivered)
                .containsExactly(0L, 2L, 0L, 0L);
        assertThat(events).extracting(EventStatistics::getDelivered).containsExactly(2L, 0L);
    }

    @Test
    void deactivateUnregisters() {
        assertThat(server.isRegistered(name)).isTrue();

        component.deactivate();

        assertThat(server.isRegistered(name)).isFalse();
        component = new JmxComponent(evi);
    }

    @Test
    void aSecondInstanceLeavesTheFirstRegistered() throws Exception {
        InMemoryEventInterface other = new InMemoryEventInterface();
        JmxComponent second = new JmxComponent(other);
        second.deactivate();

        assertThat(server.isRegistered(name)).isTrue();
        assertThat(server.getAttribute(name, "EventCount")).isEqualTo(2);
    }
}
