package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.evi4j.spi.SendResult;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * One TCP connection to an IP and port, shared by every destination that goes there. Raising threads only put
 * events into its queue (bounded in bytes) and wake the sender; the sender thread connects when events wait,
 * writes them, reads replies (reliable mode) or ignores what the peer sends, and after a failure or a close by the
 * peer connects again with exponential back-off, the waiting events kept. What became of each event is told to its
 * destination's report.
 */
final class TcpConnection {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private static final SendResult STOPPED = SendResult.failed("TCP transport stopped");
    private static final int READ_BUFFER = 8192;
    /** How long stopping waits for the socket to take the rest of an event written in part. */
    private static final long FINISH_MS = 200;
    /** Buffers written in one turn at most. */
    private static final int MAX_ROUNDS = 16;

    private enum State {
        IDLE, CONNECTING, CONNECTED
    }

    private final InetSocketAddress target;
    private final String shown;
    private final TcpSettings settings;
    private final StreamSender sender;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    private final SendResult queueFull;
    private final Set<TcpDestination> destinations = ConcurrentHashMap.newKeySet();
    private final ConnectionCounters counters = new ConnectionCounters();
    private final LogLimiter warnings = new LogLimiter(10, TimeUnit.SECONDS);
    final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    // the sender thread's own
    private final WriteWindow window = new WriteWindow();
    private final PendingRequests pending;
    private final JsonFactory json;
    private final byte[] readBytes = new byte[READ_BUFFER];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(readBytes);
    private State state = State.IDLE;
    private SocketChannel channel;
    private SelectionKey key;
    private ReplyScanner scanner;
    private final Backoff backoff;
    private long connectDeadline;
    private long connectedAt;

    TcpConnection(InetSocketAddress target, TcpSettings settings, JsonFactory json, StreamSender sender) {
        this.target = target;
        this.shown = target.getAddress().getHostAddress() + ':' + target.getPort();
        this.settings = settings;
        this.json = json;
        this.sender = sender;
        this.backoff = new Backoff(settings.reconnectMinMs(), settings.reconnectMaxMs());
        this.pending = new PendingRequests(shown, settings.timeoutMs(), counters);
        this.queueFull = SendResult.dropped("TCP queue full: " + settings.queueBytes() + " bytes wait for " + shown);
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
        if (queuedBytes.addAndGet(bytes.length) > settings.queueBytes()) {
            queuedBytes.addAndGet(-bytes.length);
            counters.dropped.increment();
            return queueFull;
        }
        Queued event = new Queued(destination, bytes, id);
        queue.add(event);
        // closed meanwhile: unless the sender's last sweep already reported it, take it back
        if (closed && queue.remove(event)) {
            queuedBytes.addAndGet(-bytes.length);
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
        return counters.snapshot(shown, queuedBytes.get());
    }

    // ---- the sender thread

    /** Connects or writes, as the state allows. */
    void serve(Selector selector, long now) {
        if (state == State.IDLE && hasWork() && backoff.due(now)) {
            connect(selector, now);
        } else if (state == State.CONNECTED) {
            write(now);
        }
    }

    private boolean hasWork() {
        return !window.isEmpty() || !queue.isEmpty();
    }

    private void connect(Selector selector, long now) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // small requests waiting for replies must not wait for Nagle's algorithm
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(target);
            key = channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            state = State.CONNECTING;
            connectDeadline = now + settings.connectTimeoutMs();
            if (done) {
                connected(now);
            }
        } catch (IOException | RuntimeException e) {
            connectFailed(now, e);
        }
    }

    /** The socket is ready: connected, readable or writable. */
    void ready(long now) {
        if (key == null || !key.isValid()) {
            return;
        }
        if (state == State.CONNECTING && key.isConnectable()) {
            try {
                if (channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_READ);
                    connected(now);
                }
            } catch (IOException e) {
                connectFailed(now, e);
            }
            return;
        }
        if (key.isReadable()) {
            read(now);
        }
        if (state == State.CONNECTED && key.isValid() && key.isWritable()) {
            write(now);
        }
    }

    private void connected(long now) {
        state = State.CONNECTED;
        connectedAt = now;
        counters.connects.increment();
        counters.connected(true);
        scanner = settings.reliable() ? new ReplyScanner(json) : null;
        LOG.debug("connected to {}", shown);
        write(now);
    }

    private void write(long now) {
        try {
            queuedBytes.addAndGet(-window.fill(queue));
            for (int round = 0; !window.isEmpty(); round++) {
                if (!window.writeTo(channel, event -> written(event, now))) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                if (round == MAX_ROUNDS) {
                    // a producer as fast as the socket: let the other connections and the timers have a turn
                    sender.schedule(this);
                    break;
                }
                queuedBytes.addAndGet(-window.fill(queue));
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            lost(now, "cannot write to " + shown + ": " + e.getMessage());
        }
    }

    private void written(Queued event, long now) {
        counters.sent.increment();
        event.destination().report().sent(1);
        if (event.id() != 0) {
            pending.add(event.id(), event.destination(), now);
        }
    }

    private void read(long now) {
        int n;
        try {
            n = channel.read(readBuffer.clear());
        } catch (IOException e) {
            lost(now, "cannot read from " + shown + ": " + e.getMessage());
            return;
        }
        if (n < 0) {
            lost(now, "connection to " + shown + " closed by the peer");
        } else if (n > 0 && scanner != null) {
            try {
                scanner.feed(readBytes, n, pending::answered);
            } catch (ReplyScanner.BadReply e) {
                lost(now, "bad reply from " + shown + ": " + e.getMessage());
            }
        }
        // outside reliable mode what the peer sends is ignored, as in OpenSIPS
    }

    /** Times out connection attempts and requests, and connects when the back-off is over. */
    void tick(Selector selector, long now) {
        if (state == State.CONNECTING && now >= connectDeadline) {
            connectFailed(now, new IOException("connection timed out"));
        }
        pending.expire(now);
        serve(selector, now);
    }

    /** When {@link #tick} has work next, or {@link Long#MAX_VALUE}. */
    long nextTick() {
        long next = pending.nextDeadline();
        if (state == State.CONNECTING) {
            next = Math.min(next, connectDeadline);
        } else if (state == State.IDLE && hasWork()) {
            next = Math.min(next, backoff.retryAt());
        }
        return next;
    }

    private void connectFailed(long now, Exception e) {
        closeChannel();
        backoff.failed(now);
        problem("cannot connect to " + shown + ": " + e.getMessage());
    }

    private void lost(long now, String reason) {
        closeChannel();
        Queued partial = window.cutPartial();
        if (partial != null) {
            counters.failed.increment();
            partial.destination().report().failed(1, reason);
        }
        pending.failAll(reason + " before the reply");
        backoff.lost(connectedAt, now);
        problem(reason);
    }

    private void problem(String reason) {
        counters.error(reason);
        destinations.forEach(d -> d.report().problem(reason));
        long skipped = warnings.permit();
        if (skipped >= 0) {
            LOG.warn("{}{}", reason, skipped > 0 ? " (" + skipped + " similar lines skipped)" : "");
        }
    }

    private void closeChannel() {
        state = State.IDLE;
        counters.connected(false);
        scanner = null;
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the connection to {}", shown, e);
            }
            channel = null;
        }
    }

    /** Closes the socket and reports every event left as dropped and every request waiting as failed. */
    void shutdown(String reason) {
        closed = true;
        if (state == State.CONNECTED) {
            finishPartial();
        }
        closeChannel();
        pending.failAll(reason);
        window.drainTo(event -> dropped(event, reason));
        for (Queued event = queue.poll(); event != null; event = queue.poll()) {
            queuedBytes.addAndGet(-event.bytes().length);
            dropped(event, reason);
        }
        LOG.debug("connection to {} shut down: {}", shown, reason);
    }

    /** Completes the event written in part, if the socket takes it soon, so that the peer sees whole events. */
    private void finishPartial() {
        long now = StreamSender.now();
        long deadline = now + FINISH_MS;
        try {
            while (window.partial() && StreamSender.now() < deadline) {
                window.writePartialTo(channel, event -> written(event, now));
                if (window.partial()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } catch (IOException e) {
            LOG.debug("the connection to {} broke while stopping", shown, e);
        }
    }

    private void dropped(Queued event, String reason) {
        counters.dropped.increment();
        event.destination().report().dropped(1, reason);
    }

    @Override
    public String toString() {
        return shown;
    }
}
