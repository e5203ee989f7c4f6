package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's one sender thread ({@code evi4j-tcp-sender}, OpenSIPS's "event_stream Sender"): a selector over
 * every connection's socket. Raising threads hand it connections with new events ({@link #schedule}); it wakes the
 * selector only when it sleeps, so that a busy stream costs the raisers no system call. It lives from the
 * component's activation to its deactivation.
 */
final class StreamSender {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);

    private final Selector selector;
    private final Thread thread;
    private final Queue<TcpConnection> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    /** The connections the thread knows; its own. */
    private final List<TcpConnection> active = new ArrayList<>();
    private volatile boolean stopping;

    StreamSender() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "evi4j-tcp-sender");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks the thread to serve the connection soon; cheap when the thread is busy anyway. */
    void schedule(TcpConnection connection) {
        if (!connection.scheduled.get() && connection.scheduled.compareAndSet(false, true)) {
            ready.add(connection);
            wakeUp();
        }
    }

    private void wakeUp() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /** Stops the thread, which closes every connection and reports what is left, and waits for it. */
    void stop(long waitMillis) throws InterruptedException {
        stopping = true;
        selector.wakeup();
        thread.join(waitMillis);
        if (thread.isAlive()) {
            LOG.warn("TCP sender thread did not stop within {} ms", waitMillis);
        }
    }

    private void run() {
        try {
            while (!stopping) {
                serveReady();
                select();
                long now = now();
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext();) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    ((TcpConnection) key.attachment()).ready(now);
                }
                for (TcpConnection c : active) {
                    c.tick(selector, now);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("TCP sender thread failed; events are no longer sent", e);
        } finally {
            serveReady();
            active.forEach(c -> c.shutdown("TCP transport stopped"));
            active.clear();
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing the selector", e);
            }
        }
    }

    private void serveReady() {
        long now = now();
        for (TcpConnection c = ready.poll(); c != null; c = ready.poll()) {
            c.scheduled.set(false);
            if (!active.contains(c)) {
                active.add(c);
            }
            if (c.closed() || stopping) {
                c.shutdown(stopping ? "TCP transport stopped" : "no subscriber uses the connection any more");
                active.remove(c);
            } else {
                c.serve(selector, now);
            }
        }
    }

    private void select() throws IOException {
        long next = Long.MAX_VALUE;
        for (TcpConnection c : active) {
            next = Math.min(next, c.nextTick());
        }
        sleeping.set(true);
        if (!ready.isEmpty() || stopping) {
            sleeping.set(false);
            selector.selectNow();
            return;
        }
        long wait = next == Long.MAX_VALUE ? 0 : Math.max(1, next - now());
        selector.select(wait);
        sleeping.set(false);
    }

    /** Monotonic milliseconds for deadlines. */
    static long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
