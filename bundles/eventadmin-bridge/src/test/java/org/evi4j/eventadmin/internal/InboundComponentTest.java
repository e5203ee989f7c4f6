package org.evi4j.eventadmin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.evi4j.api.Event;
import org.evi4j.testkit.Configs;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

class InboundComponentTest {

    private final AtomicReference<Object> service = new AtomicReference<>();
    private final AtomicReference<Dictionary<?, ?>> properties = new AtomicReference<>();
    private final AtomicBoolean unregistered = new AtomicBoolean();

    /** A bundle context that only registers services, keeping what it was given. */
    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                if (!method.getName().equals("registerService") || args[0] != EventHandler.class) {
                    throw new UnsupportedOperationException(method.getName());
                }
                service.set(args[1]);
                properties.set((Dictionary<?, ?>) args[2]);
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                        (p, m, a) -> {
                            unregistered.set(true);
                            return null;
                        });
            });

    private static InboundConfig config(Object topics, String eventName, String filter) {
        Map<String, Object> values = new HashMap<>();
        values.put("event.topics", topics);
        values.put("event_name", eventName);
        values.put("event.filter", filter);
        return Configs.of(InboundConfig.class, values);
    }

    @Test
    void registersAHandlerOnTheSplitTopicsThatRaisesAndUnregistersOnDeactivate() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        InboundComponent component = new InboundComponent(context, evi,
                config(new String[] {"org/foo/*, org/bar/Baz", "*"}, "E_FOO", "(user=*)"));
        try {
            assertThat((String[]) properties.get().get(EventConstants.EVENT_TOPIC))
                    .containsExactly("org/foo/*", "org/bar/Baz", "*");
            assertThat(properties.get().get(EventConstants.EVENT_FILTER)).isEqualTo("(user=*)");

            ((EventHandler) service.get()).handleEvent(new org.osgi.service.event.Event("org/bar/Baz", Map.of()));
            await().atMost(Duration.ofSeconds(10)).until(() -> evi.raised().size() == 1);
            assertThat(evi.raised()).containsExactly(Event.of("E_FOO"));
        } finally {
            component.deactivate();
        }
        assertThat(unregistered).isTrue();
    }

    @Test
    void noFilterMeansNoFilterProperty() {
        Dictionary<String, Object> props = InboundComponent.handlerProperties(new String[] {"a/b"},
                config(null, "", ""));
        assertThat(props.get(EventConstants.EVENT_FILTER)).isNull();
        assertThat(props.size()).isEqualTo(1);
    }

    @Test
    void badConfigurationIsRefusedBeforeAnythingIsRegistered() {
        InMemoryEventInterface evi = new InMemoryEventInterface();
        assertThatThrownBy(() -> new InboundComponent(context, evi, config(null, "", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.topics is required");
        assertThatThrownBy(() -> new InboundComponent(context, evi, config(new String[] {"org//x"}, "", "")))
                .hasMessage("not an EventAdmin topic: org//x");
        assertThatThrownBy(() -> new InboundComponent(context, evi, config(new String[] {"org/*/x"}, "", "")))
                .hasMessage("not an EventAdmin topic: org/*/x");
        assertThatThrownBy(() -> new InboundComponent(context, evi, config(new String[] {"a/b"}, "", "(broken")))
                .hasMessageContaining("event.filter");
        assertThat(service.get()).isNull();
    }
}
