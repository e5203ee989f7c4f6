package org.evi4j.core.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;

/**
 * The real core component (not a copy) wired the way SCR wires it, from plain Java, for the benchmarks: this
 * class sits in the core's package on the benchmarks' class path to reach its package-private activation.
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
        CoreConfig c = (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(),
                new Class<?>[] {CoreConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "CoreConfig" + config
                                : method.invoke(config, args);
                    }
                    Object value = config.get(method.getName().replace("__", "_"));
                    return value == null ? method.getDefaultValue() : value;
                });
        component.activate(null, c);
        return component;
    }

    /** Deactivates the component: its thread stops. */
    @Override
    public void close() {
        component.deactivate();
    }
}
