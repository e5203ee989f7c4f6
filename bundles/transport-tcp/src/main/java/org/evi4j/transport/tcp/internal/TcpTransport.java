package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.cjson.CJson;
import org.evi4j.cjson.JsonRpcEventWriter;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.SendResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Writes events as JSON-RPC over TCP for {@code tcp:} subscribers, as OpenSIPS event_stream does. Destinations of one
 * IP and port share one connection, opened at the first event and closed when the last of them is released. A send
 * only queues the event's bytes and answers {@link SendResult#PENDING}; the sender thread tells each subscriber's
 * {@link DeliveryReport} what became of it. A subscriber without a method, outside reliable mode and without
 * {@code event_param}, gets its encoder's bytes as they are (encoded once per event for all such subscribers); the
 * others get JSON-RPC shaped for them, written from the event.
 */
@Component(service = EventTransport.class, configurationPid = TcpTransport.PID,
        property = EventTransport.SCHEME_PROPERTY + "=tcp")
@Designate(ocd = TcpTransportConfig.class)
public final class TcpTransport implements EventTransport {

    /** The configuration PID. */
    static final String PID = "org.evi4j.transport.tcp";

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    private static final long STOP_WAIT_MS = 5000;
    private static final SendResult STOPPED = SendResult.failed("TCP transport stopped");
    private static final SendResult RELEASED = SendResult.failed("TCP destination released");
    private static final SendResult FOREIGN = SendResult.failed("not a destination of the TCP transport");

    private final TcpSettings settings;
    private final JsonFactory json = CJson.factory();
    // one open generator per raising thread: shaping then allocates only the returned array
    private final ThreadLocal<JsonRpcEventWriter> writers = ThreadLocal.withInitial(() -> new JsonRpcEventWriter(json));
    private final StreamSender sender;
    /** Guards itself and {@link #closed}. */
    private final Map<InetSocketAddress, TcpConnection> connections = new HashMap<>();
    private boolean closed;

    @Activate
    public TcpTransport(TcpTransportConfig config) throws IOException {
        this(TcpSettings.of(config));
    }

    TcpTransport(TcpSettings settings) throws IOException {
        this.settings = settings;
        this.sender = new StreamSender();
        sender.start();
        LOG.debug("TCP transport active ({})", settings);
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        synchronized (connections) {
            closed = true;
            connections.values().forEach(TcpConnection::close);
            connections.clear();
        }
        sender.stop(STOP_WAIT_MS);
        writers.remove();
        LOG.debug("TCP transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return parse(address, DeliveryReport.NONE);
    }

    @Override
    public Destination parse(String address, DeliveryReport report) {
        return TcpAddressParser.parse(address, Objects.requireNonNull(report, "report"));
    }

    /** Sends the bytes as they are: no method, id or event parameter can be added to bytes. */
    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        return send(destination, null, payload);
    }

    @Override
    public SendResult send(Destination destination, OutgoingEvent outgoing) {
        return send(destination, outgoing, null);
    }

    /** One of {@code outgoing} and {@code payload} is given. */
    private SendResult send(Destination destination, OutgoingEvent outgoing, ByteBuffer payload) {
        if (!(destination instanceof TcpDestination)) {
            return FOREIGN;
        }
        TcpDestination tcp = (TcpDestination) destination;
        TcpConnection connection = connectionOf(tcp);
        if (connection == null) {
            return tcp.released() ? RELEASED : STOPPED;
        }
        if (outgoing == null || tcp.method() == null && settings.plain()) {
            return connection.offer(tcp, copy(outgoing == null ? payload : outgoing.payload()), 0);
        }
        int id = settings.reliable() ? connection.nextId() : 0;
        byte[] bytes;
        try {
            bytes = shape(outgoing.event(), tcp, id);
        } catch (IOException e) {
            LOG.warn("cannot write event {} as JSON-RPC", outgoing.event().name(), e);
            return SendResult.failed("cannot write the event as JSON-RPC: " + e);
        }
        if (bytes.length > EventInterface.MAX_DATAGRAM) {
            return SendResult.dropped("event of " + bytes.length + " bytes exceeds " + EventInterface.MAX_DATAGRAM);
        }
        return connection.offer(tcp, bytes, id);
    }

    private byte[] shape(Event event, TcpDestination tcp, int id) throws IOException {
        String method = tcp.method() == null ? event.name() : tcp.method();
        boolean written = false;
        try {
            byte[] bytes = writers.get().write(event, method, id, settings.eventParam());
            written = true;
            return bytes;
        } finally {
            if (!written) {
                // a generator left inside an object would corrupt this thread's next event
                writers.remove();
            }
        }
    }

    private static byte[] copy(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(payload.position(), bytes);
        return bytes;
    }

    private TcpConnection connectionOf(TcpDestination destination) {
        TcpConnection connection = destination.link();
        if (connection != null && !destination.released()) {
            return connection;
        }
        synchronized (connections) {
            if (closed || destination.released()) {
                return null;
            }
            if (destination.link() == null) {
                connection = connections.computeIfAbsent(destination.target(),
                        target -> new TcpConnection(target, settings, json, sender));
                connection.attach(destination);
                destination.link(connection);
            }
            return destination.link();
        }
    }

    @Override
    public void release(Destination destination) {
        if (!(destination instanceof TcpDestination)) {
            return;
        }
        TcpDestination tcp = (TcpDestination) destination;
        synchronized (connections) {
            tcp.release();
            TcpConnection connection = tcp.link();
            if (connection != null && connection.detach(tcp) && connections.remove(tcp.target(), connection)) {
                connection.close();
            }
        }
    }

    /** The counters of every connection in use, for tests and management. */
    public List<TcpConnectionStats> connections() {
        synchronized (connections) {
            return new ArrayList<>(connections.values().stream().map(TcpConnection::stats).toList());
        }
    }
}
