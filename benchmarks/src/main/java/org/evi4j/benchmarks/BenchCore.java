package org.evi4j.benchmarks;

import java.util.Map;

import org.evi4j.api.EventInterface;
import org.evi4j.core.internal.CoreConfig;
import org.evi4j.core.internal.EventInterfaceComponent;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.Configs;

/**
 * The real core component (not a copy) wired the way SCR wires it, from plain Java, for the benchmarks: through
 * its public lifecycle and bind methods, with a typed configuration from the testkit.
 */
public final class BenchCore implements AutoCloseable {

    private final EventInterfaceComponent component = new EventInterfaceComponent();
    private long nextServiceId = 1;

    /** Nothing persisted (no bundle context); any IP destination allowed. */
    public BenchCore() {
    }

    /** Binds a transport serving {@code scheme}, as SCR would before or after activation. */
    public BenchCore transport(String scheme, EventTransport transport) {
        component.addTransport(transport, properties(EventTransport.SCHEME_PROPERTY, scheme));
        return this;
    }

    /** Binds an encoder named {@code name}. */
    public BenchCore encoder(String name, EventEncoder encoder) {
        component.addEncoder(encoder, properties(EventEncoder.NAME_PROPERTY, name));
        return this;
    }

    private Map<String, Object> properties(String key, String value) {
        return Map.of(key, value, "service.id", nextServiceId++);
    }

    /** Activates the component (its housekeeping thread starts) and returns the service. */
    public EventInterface start() {
        Map<String, Object> config = Map.of("persist", false, "max_subscribers_per_event", 10_000,
                "allowed_destinations", new String[] {"0.0.0.0/0", "::/0"});
        component.activate(null, Configs.of(CoreConfig.class, config));
        return component;
    }

    /** Deactivates the component: its thread stops. */
    @Override
    public void close() {
        component.deactivate();
    }
}
