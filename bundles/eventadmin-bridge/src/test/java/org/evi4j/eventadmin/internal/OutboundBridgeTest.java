package org.evi4j.eventadmin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.testkit.Configs;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

class OutboundBridgeTest {

    private final List<org.osgi.service.event.Event> posted = new CopyOnWriteArrayList<>();
    private final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(org.osgi.service.event.Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(org.osgi.service.event.Event event) {
            throw new AssertionError("the bridge must post, never send");
        }
    };

    private OutboundBridge bridge(String... events) {
        return new OutboundBridge(eventAdmin, Configs.of(OutboundConfig.class,
                events.length == 0 ? Map.of() : Map.of("events", events)));
    }

    @Test
    void postsOnTheEventsTopicWithItsParams() {
        bridge().eventRaised(Event.builder("E_PIKE_BLOCKED").param("ip", "192.168.2.11").param("count", 3)
                .nullParam("reason").build());

        assertThat(posted).hasSize(1);
        var event = posted.get(0);
        assertThat(event.getTopic()).isEqualTo("org/evi4j/E_PIKE_BLOCKED");
        assertThat(event.getProperty("ip")).isEqualTo("192.168.2.11");
        assertThat(event.getProperty("count")).isEqualTo(3);
        assertThat(event.containsProperty("reason")).isFalse();
        assertThat(event.getProperty(OutboundBridge.EVENT_PROPERTY)).isEqualTo("E_PIKE_BLOCKED");
        assertThat(event.getProperty(InboundMapper.BRIDGED)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void unnamedParamsAreKeyedByPositionAndReservedNamesCannotBeOverwritten() {
        Map<String, Object> properties = OutboundBridge.properties(Event.of("E_X", EventParam.of(null, 5),
                EventParam.of(null, "a"), EventParam.of("evi4j.bridged", "no"), EventParam.of("dup", 1),
                EventParam.of("dup", 2)));

        assertThat(properties).containsEntry("0", 5).containsEntry("1", "a").containsEntry("dup", 1)
                .containsEntry(InboundMapper.BRIDGED, Boolean.TRUE).containsEntry(OutboundBridge.EVENT_PROPERTY, "E_X")
                .hasSize(5);
    }

    @Test
    void onlySelectedEventsArePosted() {
        OutboundBridge bridge = bridge("E_A, E_B", "E_C");
        for (String name : List.of("E_A", "E_B", "E_C", "E_D")) {
            bridge.eventRaised(Event.of(name));
        }
        assertThat(posted).extracting(org.osgi.service.event.Event::getTopic)
                .containsExactly("org/evi4j/E_A", "org/evi4j/E_B", "org/evi4j/E_C");
    }

    @Test
    void starSelectsEveryEvent() {
        OutboundBridge bridge = bridge("*");
        bridge.eventRaised(Event.of("E_ANY"));
        assertThat(posted).hasSize(1);
    }

    @Test
    void namesThatAreNotTopicTokensAreSanitized() {
        assertThat(OutboundBridge.topicOf("evi:my.event-1")).isEqualTo("org/evi4j/evi_my_event-1");
        bridge().eventRaised(Event.of("E/WITH SPACE"));
        assertThat(posted.get(0).getTopic()).isEqualTo("org/evi4j/E_WITH_SPACE");
    }

    @Test
    void eventAdminFailureDoesNotReachTheProducer() {
        OutboundBridge bridge = new OutboundBridge(new EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                throw new IllegalStateException("EventAdmin stopped");
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
            }
        }, Configs.of(OutboundConfig.class, Map.of()));

        assertThatCode(() -> bridge.eventRaised(Event.of("E_X"))).doesNotThrowAnyException();
        assertThatCode(() -> bridge.eventRaised(Event.of("E_Y"))).doesNotThrowAnyException();
    }
}
