package org.evi4j.transport.virtual.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;

import org.evi4j.api.Event;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.transport.unix.internal.UnixTransport;

/** The real member transports and encoder, built as their components are activated without configuration. */
final class RealParts {

    private static final JsonRpcEventEncoder JSONRPC = new JsonRpcEventEncoder();

    private RealParts() {
    }

    /** The UDP transport with its configuration's defaults (its configuration type is private to its bundle). */
    static EventTransport udp() {
        return withDefaults("org.evi4j.transport.udp.internal.UdpTransport");
    }

    /** The TCP transport (OpenSIPS event_stream) with its configuration's defaults: notification mode. */
    static EventTransport tcp() {
        return withDefaults("org.evi4j.transport.tcp.internal.TcpTransport");
    }

    private static EventTransport withDefaults(String transportClass) {
        try {
            Class<?> configType = Class.forName(transportClass + "Config");
            var constructor = Class.forName(transportClass).getConstructor(configType);
            return (EventTransport) constructor.newInstance(defaults(configType));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops a transport as SCR deactivates it (the TCP transport has a sender thread). */
    static void stop(EventTransport transport) {
        try {
            var deactivate = transport.getClass().getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(transport);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static EventTransport unix() {
        return new UnixTransport();
    }

    static VirtualTransportConfig config(int failoverTimeout) {
        return new VirtualTransportConfig() {
            @Override
            public int failover__timeout() {
                return failoverTimeout;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return VirtualTransportConfig.class;
            }
        };
    }

    /** An instance of a configuration annotation type answering every method with its default, as DS does. */
    private static Object defaults(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type : method.getDefaultValue());
    }

    /** An event as the core hands it to a transport: the event and its JSON-RPC bytes. */
    static OutgoingEvent outgoing(Event event) {
        byte[] bytes = JSONRPC.encode(event);
        return new OutgoingEvent() {
            @Override
            public Event event() {
                return event;
            }

            @Override
            public String encoder() {
                return "jsonrpc";
            }

            @Override
            public ByteBuffer payload() {
                return ByteBuffer.wrap(bytes);
            }
        };
    }
}
