package org.evi4j.eventadmin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evi4j.api.Event;
import org.evi4j.testkit.Configs;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/**
 * Both directions wired together as in a framework where one mapping also listens to {@code org/evi4j/*}: the
 * fake EventAdmin hands every posted event straight to the inbound handler, and the fake core calls the outbound
 * listener for every raised event.
 */
class LoopGuardTest {

    private final List<org.osgi.service.event.Event> posted = new CopyOnWriteArrayList<>();
    private OutboundBridge outbound;
    private InboundBridge inbound;
    private InMemoryEventInterface evi;

    @BeforeEach
    void wire() {
        evi = new InMemoryEventInterface(e -> outbound.eventRaised(e));
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                posted.add(event);
                inbound.handleEvent(event);
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                postEvent(event);
            }
        };
        outbound = new OutboundBridge(eventAdmin, Configs.of(OutboundConfig.class, Map.of()));
        inbound = new InboundBridge(evi, "", 64, "org/foo/*,org/evi4j/*");
    }

    @AfterEach
    void stop() {
        inbound.close();
    }

    @Test
    void anEventGoesEachWayOnceAndNeverComesBack() {
        evi.publish("E_LOCAL");
        evi.raise(Event.of("E_LOCAL"));
        inbound.handleEvent(new org.osgi.service.event.Event("org/foo/Bar", Map.of("k", "v")));
        inbound.handleEvent(new org.osgi.service.event.Event("org/foo/End", Map.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> evi.raised().size() >= 3);
        assertThat(evi.raised()).extracting(Event::name).containsExactly("E_LOCAL", "E_ORG_FOO_BAR", "E_ORG_FOO_END");
        assertThat(posted).extracting(org.osgi.service.event.Event::getTopic).containsExactly("org/evi4j/E_LOCAL");
    }
}
