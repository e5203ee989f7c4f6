package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * The socket side of a {@link TcpConnection}, driven by the sender thread only: connects (without blocking) when
 * events wait, writes them, reads replies (reliable mode) or ignores what the peer sends, and after a failure or a
 * close by the peer connects again with exponential back-off, the waiting events kept.
 */
final class StreamSocket {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSocket.class);
    private static final int READ_BUFFER = 8192;
    /** How long stopping waits for the socket to take the rest of an event written in part. */
    private static final long FINISH_MS = 200;
    /** Buffers written in one turn at most. */
    private static final int MAX_ROUNDS = 16;

    private enum State {
        IDLE, CONNECTING, CONNECTED
    }

    private final TcpConnection connection;
    private final InetSocketAddress target;
    private final String shown;
    private final TcpSettings settings;
    private final JsonFactory json;
    private final ConnectionCounters counters;
    private final EventQueue events;
    private final WriteWindow window = new WriteWindow();
    private final PendingRequests pending;
    private final Backoff backoff;
    private final byte[] readBytes = new byte[READ_BUFFER];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(readBytes);
    private State state = State.IDLE;
    private SocketChannel channel;
    private SelectionKey key;
    private ReplyScanner scanner;
    private long connectDeadline;
    private long connectedAt;

    StreamSocket(TcpConnection connection, InetSocketAddress target, String shown, TcpSettings settings,
            JsonFactory json) {
        this.connection = connection;
        this.target = target;
        this.shown = shown;
        this.settings = settings;
        this.json = json;
        this.counters = connection.counters();
        this.events = connection.events();
        this.pending = new PendingRequests(shown, settings.timeoutMs(), counters);
        this.backoff = new Backoff(settings.reconnectMinMs(), settings.reconnectMaxMs());
    }

    void serve(Selector selector, long now) {
        if (state == State.IDLE && hasWork() && backoff.due(now)) {
            connect(selector, now);
        } else if (state == State.CONNECTED) {
            write(now);
        }
    }

    private boolean hasWork() {
        return !window.isEmpty() || !events.isEmpty();
    }

    private void connect(Selector selector, long now) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // small requests waiting for replies must not wait for Nagle's algorithm
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(target);
            key = channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, connection);
            state = State.CONNECTING;
            connectDeadline = now + settings.connectTimeoutMs();
            if (done) {
                connected(now);
            }
        } catch (IOException | RuntimeException e) {
            connectFailed(now, e);
        }
    }

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
            window.fill(events);
            for (int round = 0; !window.isEmpty(); round++) {
                if (!window.writeTo(channel, event -> written(event, now))) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                if (round == MAX_ROUNDS) {
                    // a producer as fast as the socket: let the other connections and the timers have a turn
                    connection.reschedule();
                    break;
                }
                window.fill(events);
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

    void tick(Selector selector, long now) {
        if (state == State.CONNECTING && now >= connectDeadline) {
            connectFailed(now, new IOException("connection timed out"));
        }
        pending.expire(now);
        serve(selector, now);
    }

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
        connection.problem("cannot connect to " + shown + ": " + e.getMessage());
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
        connection.problem(reason);
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

    /** Closes the socket; reports the events in the window as dropped and the requests waiting as failed. */
    void shutdown(String reason) {
        if (state == State.CONNECTED) {
            finishPartial();
        }
        closeChannel();
        pending.failAll(reason);
        window.drainTo(event -> connection.dropped(event, reason));
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
}
