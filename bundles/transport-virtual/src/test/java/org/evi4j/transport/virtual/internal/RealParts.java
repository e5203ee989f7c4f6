package org.evi4j.transport.virtual.internal;

import java.nio.ByteBuffer;
import java.util.Map;

import org.evi4j.api.Event;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.testkit.Configs;
import org.evi4j.transport.udp.internal.UdpTransport;
import org.evi4j.transport.udp.internal.UdpTransportConfig;
import org.evi4j.transport.unix.internal.UnixTransport;

/** The real member transports and encoder, built as their components are activated without configuration. */
final class RealParts {

    private static final JsonRpcEventEncoder JSONRPC = new JsonRpcEventEncoder();

    private RealParts() {
    }

    /** The UDP transport with its configuration's defaults. */
    static EventTransport udp() {
        return new UdpTransport(Configs.of(UdpTransportConfig.class));
    }

    /**
     * The TCP transport (OpenSIPS event_stream) with its configuration's defaults: notification mode. Its
     * configuration type and lifecycle are private to its bundle, hence the reflection.
     */
    static EventTransport tcp() {
        try {
            Class<?> configType = Class.forName("org.evi4j.transport.tcp.internal.TcpTransportConfig");
            var constructor = Class.forName("org.evi4j.transport.tcp.internal.TcpTransport").getConstructor(configType);
            return (EventTransport) constructor.newInstance(Configs.of(configType));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static EventTransport unix() {
        return new UnixTransport();
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

    static VirtualTransportConfig config(int failoverTimeout) {
        return Configs.of(VirtualTransportConfig.class, Map.of("failover_timeout", failoverTimeout));
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
