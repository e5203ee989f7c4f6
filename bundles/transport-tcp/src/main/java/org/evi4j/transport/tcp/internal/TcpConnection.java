package org.evi4j.transport.tcp.internal;

import java.net.InetSocketAddress;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.spi.SendResult;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * One TCP connection to an IP and port, shared by every destination that goes there. Raising threads only put
 * events into its queue (bounded in bytes) and wake the sender thread, which drives the connection's
 * {@link StreamSocket}. What became of each event is told to its destination's report; connection problems to every
 * destination using it.
 */
final class TcpConnection {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private static final SendResult STOPPED = SendResult.failed("TCP transport stopped");

    private final String shown;
    private final StreamSender sender;
    private final EventQueue events;
    private final AtomicInteger ids = new AtomicInteger();
    private final SendResult queueFull;
    private final Set<TcpDestination> destinations = ConcurrentHashMap.newKeySet();
    private final ConnectionCounters counters = new ConnectionCounters();
    private final LogLimiter warnings = new LogLimiter(10, TimeUnit.SECONDS);
    private final StreamSocket socket;
    /** Whether the connection is on the sender's list of connections to serve. */
    final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    TcpConnection(InetSocketAddress target, TcpSettings settings, JsonFactory json, StreamSender sender) {
        this.shown = target.getAddress().getHostAddress() + ':' + target.getPort();
        this.sender = sender;
        this.events = new EventQueue(settings.queueBytes());
        this.queueFull = SendResult.dropped("TCP queue full: " + settings.queueBytes() + " bytes wait for " + shown);
        this.socket = new StreamSocket(this, target, shown, settings, json);
    }

    // ---- raising threads

    void attach(TcpDestination destination) {
        destinations.add(destination);
    }

    /** @return whether no destination uses the connection any more */
    boolean detach(TcpDestination destination) {
        destinations.remove(destination);
        return destinations.isEmpty();
    }

    /** The next request id: positive, counting up, unique per connection until it wraps after 2^31 - 1. */
    int nextId() {
        return ids.updateAndGet(i -> i == Integer.MAX_VALUE ? 1 : i + 1);
    }

    /** Queues the event's bytes (owned by the connection from now on); never blocks. */
    SendResult offer(TcpDestination destination, byte[] bytes, int id) {
        if (closed) {
            return STOPPED;
        }
        Queued event = new Queued(destination, bytes, id);
        if (!events.offer(event)) {
            counters.dropped.increment();
            return queueFull;
        }
        // closed meanwhile: unless the sender's last sweep already reported it, take it back
        if (closed && events.remove(event)) {
            return STOPPED;
        }
        counters.queued.increment();
        sender.schedule(this);
        return SendResult.PENDING;
    }

    /** Takes no more events; the sender thread then closes the socket and reports what is left. */
    void close() {
        closed = true;
        sender.schedule(this);
    }

    boolean closed() {
        return closed;
    }

    TcpConnectionStats stats() {
        return counters.snapshot(shown, events.bytes());
    }

    // ---- the sender thread

    /** Connects or writes, as the socket's state allows. */
    void serve(Selector selector, long now) {
        socket.serve(selector, now);
    }

    /** The socket is ready: connected, readable or writable. */
    void ready(long now) {
        socket.ready(now);
    }

    /** Times out connection attempts and requests, and connects when the back-off is over. */
    void tick(Selector selector, long now) {
        socket.tick(selector, now);
    }

    /** When {@link #tick} has work next, or {@link Long#MAX_VALUE}. */
    long nextTick() {
        return socket.nextTick();
    }

    /** Closes the socket and reports every event left as dropped and every request waiting as failed. */
    void shutdown(String reason) {
        closed = true;
        socket.shutdown(reason);
        for (Queued event = events.poll(); event != null; event = events.poll()) {
            dropped(event, reason);
        }
        LOG.debug("connection to {} shut down: {}", shown, reason);
    }

    EventQueue events() {
        return events;
    }

    ConnectionCounters counters() {
        return counters;
    }

    /** Asks the sender thread for another turn. */
    void reschedule() {
        sender.schedule(this);
    }

    /** A connection problem: the last error of the connection and of every destination using it, logged. */
    void problem(String reason) {
        counters.error(reason);
        destinations.forEach(d -> d.report().problem(reason));
        long skipped = warnings.permit();
        if (skipped >= 0) {
            LOG.warn("{}{}", reason, skipped > 0 ? " (" + skipped + " similar lines skipped)" : "");
        }
    }

    void dropped(Queued event, String reason) {
        counters.dropped.increment();
        event.destination().report().dropped(1, reason);
    }

    @Override
    public String toString() {
        return shown;
    }
}
