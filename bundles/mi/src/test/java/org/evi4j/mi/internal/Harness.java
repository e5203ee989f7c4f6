package org.evi4j.mi.internal;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.mi.MiCommand;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/** A dispatcher with the core commands bound as DS would bind them, and a way to send it requests. */
final class Harness {

    static final Instant START = Instant.parse("2026-11-23T16:43:20Z");

    final MiDispatcherImpl dispatcher = new MiDispatcherImpl();
    private final Map<ServiceReference<?>, MiCommand> services = new HashMap<>();
    private long nextId = 1;
    private int located;

    Harness() {
        dispatcher.activate(context());
    }

    /** With every core command of this bundle. */
    static Harness withCoreCommands() {
        Harness h = new Harness();
        h.register(new WhichCommand(h.dispatcher), "which", "core:which");
        h.register(new HelpCommand(h.dispatcher), "help", "core:help");
        h.register(new VersionCommand("1.2.3"), "version", "core:version");
        h.register(new UptimeCommand(Clock.fixed(START.plusSeconds(6), ZoneOffset.UTC), START),
                "uptime", "core:uptime");
        h.register(new PsCommand(4242), "ps", "core:ps");
        h.register(new PwdCommand(), "pwd", "core:pwd");
        h.register(new ArgCommand(List.of("java", "-jar", "evi4j.jar")), "arg", "core:arg");
        h.register(new GetStatisticsCommand(h.dispatcher), "get_statistics", "statistics:get");
        h.register(new ListStatisticsCommand(h.dispatcher), "list_statistics", "statistics:list");
        h.register(new ResetStatisticsCommand(h.dispatcher), "reset_statistics", "statistics:reset");
        return h;
    }

    /** Binds a command as DS would, a service with these names; returns its reference (to unbind it). */
    ServiceReference<MiCommand> register(MiCommand command, String... names) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.SERVICE_ID, nextId++);
        properties.put(MiCommand.NAME_PROPERTY, names.length == 1 ? names[0] : names);
        return register(command, properties);
    }

    ServiceReference<MiCommand> register(MiCommand command, Map<String, Object> properties) {
        ServiceReference<MiCommand> reference = reference(properties);
        services.put(reference, command);
        dispatcher.bindCommand(reference);
        return reference;
    }

    void unregister(ServiceReference<MiCommand> reference) {
        dispatcher.unbindCommand(reference);
        services.remove(reference);
    }

    /** How many times the dispatcher asked for a service. */
    int located() {
        return located;
    }

    @SuppressWarnings("unchecked")
    static ServiceReference<MiCommand> reference(Map<String, Object> properties) {
        return (ServiceReference<MiCommand>) Proxy.newProxyInstance(Harness.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get(args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "ref" + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ComponentContext context() {
        return (ComponentContext) Proxy.newProxyInstance(Harness.class.getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("locateService") && args.length == 2 && "commands".equals(args[0])) {
                        located++;
                        return services.get(args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The reply to a request, or {@code null} when none is to be sent. */
    String call(String request) {
        return call(request, 65457, "\t");
    }

    String call(String request, int replyCapacity, String indent) {
        byte[] bytes = call(request.getBytes(StandardCharsets.UTF_8), replyCapacity, indent);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] call(byte[] request, int replyCapacity, String indent) {
        ByteBuffer reply = ByteBuffer.allocate(replyCapacity);
        reply.put((byte) 'x');
        boolean send = dispatcher.dispatch(ByteBuffer.wrap(request), reply, indent);
        if (!send) {
            if (reply.remaining() != 0) {
                throw new AssertionError("no reply, yet " + reply.remaining() + " bytes in the buffer");
            }
            return null;
        }
        byte[] out = new byte[reply.remaining()];
        reply.get(out);
        return out;
    }
}
