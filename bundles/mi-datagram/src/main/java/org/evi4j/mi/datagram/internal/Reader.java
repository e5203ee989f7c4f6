package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.evi4j.mi.MiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader thread's loop: while it is the {@link Leadership leader}, receive a request, hand it to the
 * dispatcher, send the reply to the sender; otherwise wait to become the leader. It owns its buffers, so serving a
 * request allocates nothing here. It never dies of an error; it ends when the endpoint is closed.
 * <p>
 * With a busy-poll window, the leader that has just served a request polls the endpoint for the next one until
 * the window has passed, and only then blocks: under steady traffic the next request is taken as it arrives,
 * without the kernel waking a sleeping thread for it. Only the leader receives, so only the leader polls.
 */
final class Reader implements Runnable {
    /** The largest MI request and reply (OpenSIPS's {@code DATAGRAM_SOCK_BUF_SIZE}). */
    static final int MAX_DATAGRAM = 65457;

    private static final Logger LOG = LoggerFactory.getLogger(Reader.class);
    private static final long RECEIVE_ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Endpoint endpoint;
    private final MiDispatcher dispatcher;
    private final String indent;
    private final SocketCounters counters;
    private final ServerLogs logs;
    private final Leadership leadership;
    private boolean leading;
    private final long busyPollNanos;
    private final CommandPolicy commands;
    private final Predicate<String> allowed = this::allowed;
    // one byte more than the limit, to tell a datagram that was cut from one that fitted exactly
    private final ByteBuffer request = ByteBuffer.allocate(MAX_DATAGRAM + 1);
    private final ByteBuffer reply = ByteBuffer.allocate(MAX_DATAGRAM);
    private SocketAddress lastSource;
    private String lastSourceText;
    private SocketAddress lastAllowed;
    /** The sender of the request being served, for the log line of a refused command. */
    private SocketAddress current;

    /**
     * @param leading       whether this reader starts as the leader: exactly one of a socket's readers does
     * @param busyPollNanos how long to poll for the next request after serving one; 0 never polls (the endpoint
     *                      must {@link Endpoint#canPoll poll} otherwise)
     */
    Reader(Endpoint endpoint, MiDispatcher dispatcher, String indent, SocketCounters counters, ServerLogs logs,
            Leadership leadership, boolean leading, long busyPollNanos, CommandPolicy commands) {
        this.commands = commands;
        this.endpoint = endpoint;
        this.busyPollNanos = busyPollNanos;
        this.leadership = leadership;
        this.leading = leading;
        this.dispatcher = dispatcher;
        this.indent = indent;
        this.counters = counters;
        this.logs = logs;
    }

    @Override
    public void run() {
        LOG.debug("MI socket {}: reader {} started", endpoint.name(), Thread.currentThread().getName());
        boolean served = false;
        while (endpoint.isOpen()) {
            if (!leading) {
                leading = leadership.awaitLeadership();
                if (!leading) {
                    break; // closed
                }
            }
            SocketAddress source;
            try {
                request.clear();
                source = served && busyPollNanos > 0 ? pollThenReceive() : endpoint.receive(request);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (!endpoint.isOpen()) {
                    break; // closed under our feet by stop(), in a way junixsocket reports differently
                }
                receiveFailed(e);
                continue;
            }
            served = source != null || request.position() > 0;
            if (!served) {
                continue; // timed out waiting, or closed
            }
            long dispatch = leadership.dispatching();
            serve(source);
            leading = leadership.dispatched(dispatch);
        }
        LOG.debug("MI socket {}: reader {} stopped", endpoint.name(), Thread.currentThread().getName());
    }

    private SocketAddress pollThenReceive() throws IOException {
        long start = System.nanoTime();
        do {
            SocketAddress source = endpoint.poll(request);
            if (source != null || request.position() > 0) {
                return source;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() - start < busyPollNanos && endpoint.isOpen());
        return endpoint.receive(request);
    }

    /**
     * Who sent the request, as commands see it ({@code MiParams.source()}), for per-client limits: {@code udp:IP} for
     * a UDP client; none for a client of a UNIX socket, whose file mode already decides who may write (its owner,
     * trusted with the whole MI).
     */
    private String sourceText(SocketAddress source) {
        if (source != lastSource) {
            lastSource = source;
            lastSourceText = source instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? "udp:" + inet.getAddress().getHostAddress() : null;
        }
        return lastSourceText;
    }

    private void serve(SocketAddress source) {
        if (source != null && source != lastAllowed) {
            // the JDK hands back the same address object for consecutive datagrams of one sender
            if (!endpoint.allows(source)) {
                counters.sourcesRefused.increment();
                logs.refused(endpoint.name(), source);
                return;
            }
            lastAllowed = source;
        }
        counters.requests.increment();
        request.flip();
        if (request.limit() > MAX_DATAGRAM) {
            request.limit(MAX_DATAGRAM); // OpenSIPS reads at most 65457 bytes and handles what it got
            counters.truncated.increment();
        }
        try {
            current = source;
            String client = sourceText(source);
            if (commands.restricts() ? dispatcher.dispatch(request, reply, indent, allowed, client)
                    : dispatcher.dispatch(request, reply, indent, client)) {
                send(source);
            }
        } catch (RuntimeException | Error e) {
            counters.errors.increment();
            logs.dispatchFailed(endpoint.name(), source, e);
        }
    }

    /** Asked by the dispatcher once per request for a known command, when this socket restricts commands. */
    private boolean allowed(String command) {
        if (commands.allows(command)) {
            return true;
        }
        counters.commandsRefused.increment();
        logs.forbidden(endpoint.name(), command, current);
        return false;
    }

    private void send(SocketAddress to) {
        if (to == null) {
            counters.repliesDropped.increment();
            logs.noAddress(endpoint.name());
            return;
        }
        try {
            if (endpoint.reply(reply, to)) {
                counters.replies.increment();
            } else {
                counters.repliesDropped.increment();
                logs.queueFull(endpoint.name(), to);
            }
        } catch (IOException | RuntimeException e) {
            counters.repliesDropped.increment();
            if (endpoint.isOpen()) {
                logs.sendFailed(endpoint.name(), to, e);
            }
        }
    }

    private void receiveFailed(Exception e) {
        counters.errors.increment();
        logs.receiveFailed(endpoint.name(), e);
        // a failure that repeats at once (a broken socket) must not spin a core
        LockSupport.parkNanos(RECEIVE_ERROR_PAUSE_NANOS);
    }
}
