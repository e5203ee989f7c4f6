package org.evi4j.transport.rabbitmq.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.evi4j.spi.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker connection and the destinations that share it. Raising threads only copy events into its bounded
 * queue; its publisher thread ({@code evi4j-rabbitmq-user@host:port}) connects, publishes and reconnects with
 * exponential back-off through its {@link BrokerSession}, which reports each event's fate to its destination. An
 * event that cannot be published because the connection is down waits at the head of the queue until the
 * connection is back. The queue is bounded in events and in bytes; one event raised for several subscribers of the
 * connection is copied once and shared, so a hundred subscribers do not make a hundred copies.
 */
final class BrokerLink {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    private static final long ABORT_WAIT_MS = 2000;
    private static final SendResult STOPPED = SendResult.failed("RabbitMQ transport stopped");

    private final BlockingQueue<Outgoing> queue;
    private final String queueFullText;
    private final String bytesFullText;
    /** The drop answers for the connection's current problem, made again only when the problem changes. */
    private volatile Full full = new Full(null, null, null);
    private final long maxBytes;
    /** Bytes of the bodies waiting (queued or held), each shared body counted once. */
    private final AtomicLong bytes = new AtomicLong();
    /** The body copied last, for the next subscriber of the same event to share; guarded by {@code this}. */
    private Body last;
    private final Set<RabbitDestination> destinations = ConcurrentHashMap.newKeySet();
    private final LinkCounters counters = new LinkCounters();
    private final String broker;
    private final BrokerSession session;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Thread publisher;
    private volatile boolean stopping;
    /** The event the publisher is trying to publish; its own. */
    private Outgoing held;

    BrokerLink(BrokerKey key, LinkSettings settings) {
        String name = "evi4j-rabbitmq-" + key.shown();
        this.broker = key.shown();
        this.queue = new ArrayBlockingQueue<>(settings.queueSize());
        this.queueFullText = "RabbitMQ queue full: " + settings.queueSize() + " events wait for " + broker;
        this.maxBytes = settings.queueBytes();
        this.bytesFullText = "RabbitMQ queue full: " + maxBytes + " bytes wait for " + broker;
        this.session = new BrokerSession(key, settings, name, counters, destinations, () -> stopping);
        this.publisher = new Thread(this::run, name);
        publisher.setDaemon(true);
    }

    void start() {
        publisher.start();
    }

    void attach(RabbitDestination destination) {
        destinations.add(destination);
    }

    /** @return whether no destination uses the connection any more */
    boolean detach(RabbitDestination destination) {
        destinations.remove(destination);
        return destinations.isEmpty();
    }

    /** Queues the payload (a copy, or the copy the previous send of the same bytes made); never blocks. */
    SendResult offer(RabbitDestination destination, ByteBuffer payload) {
        if (stopping) {
            return STOPPED;
        }
        Body body = body(payload);
        if (body == null) {
            counters.dropped.increment();
            return full().bytes();
        }
        Outgoing event = new Outgoing(destination, body);
        if (!queue.offer(event)) {
            body.release(bytes);
            counters.dropped.increment();
            return full().events();
        }
        counters.queued.increment();
        // stopped meanwhile: unless the publisher's last sweep already reported it, take it back
        if (stopping && queue.remove(event)) {
            body.release(bytes);
            counters.queued.decrement();
            return STOPPED;
        }
        return SendResult.PENDING;
    }

    /**
     * The answers to a send the queue cannot take, saying why it is full while the connection is down (so that the
     * subscriber's last error names the broker's problem, not only the queue).
     */
    private Full full() {
        String problem = counters.problem();
        Full f = full;
        if (f.events() == null || !java.util.Objects.equals(f.problem(), problem)) {
            String why = problem == null ? "" : " (" + problem + ")";
            f = new Full(problem, SendResult.dropped(queueFullText + why), SendResult.dropped(bytesFullText + why));
            full = f;
        }
        return f;
    }

    private record Full(String problem, SendResult events, SendResult bytes) {
    }

    /** The shared body for these bytes, or {@code null} when a new copy would pass {@code queue_bytes}. */
    private synchronized Body body(ByteBuffer payload) {
        Body previous = last;
        if (previous != null && ByteBuffer.wrap(previous.bytes()).equals(payload) && previous.retain()) {
            return previous;
        }
        int size = payload.remaining();
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            return null;
        }
        byte[] copy = new byte[size];
        payload.get(payload.position(), copy);
        last = new Body(copy);
        return last;
    }

    /** Bytes waiting now (for tests and statistics). */
    long bytesWaiting() {
        return bytes.get();
    }

    RabbitConnectionStats stats() {
        return counters.snapshot(broker, queue.size());
    }

    /** Asks the publisher to stop, without waiting: it closes the connection and reports what is left. */
    void stop() {
        stopping = true;
        stopSignal.countDown();
        publisher.interrupt();
    }

    boolean stopped() {
        return stopping && !publisher.isAlive();
    }

    /** Waits for the publisher to end, aborting the connection under a publish that blocks past the bound. */
    void awaitStop(long millis) throws InterruptedException {
        publisher.join(millis);
        if (publisher.isAlive()) {
            session.abort();
            publisher.join(ABORT_WAIT_MS);
        }
        if (publisher.isAlive()) {
            LOG.warn("RabbitMQ publisher {} did not stop in time", publisher.getName());
        }
    }

    private void run() {
        try {
            while (!stopping) {
                if (held == null) {
                    held = queue.take();
                }
                if (!session.open(queue.size() + 1)) {
                    session.pause(stopSignal);
                } else if (session.publish(held.destination(), held.body().bytes())) {
                    held.body().release(bytes);
                    held = null;
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts the wait for the next event
        } finally {
            // cleared so that closing can wait for the broker's last confirms
            Thread.interrupted();
            session.close();
            dropLeftovers();
        }
    }

    private void dropLeftovers() {
        List<Outgoing> left = new ArrayList<>();
        if (held != null) {
            left.add(held);
            held = null;
        }
        queue.drainTo(left);
        left.forEach(event -> event.body().release(bytes));
        Map<RabbitDestination, Integer> counts = new HashMap<>();
        left.forEach(event -> counts.merge(event.destination(), 1, Integer::sum));
        counts.forEach((destination, count) -> {
            counters.dropped.add(count);
            destination.report().dropped(count, "transport stopped");
        });
        LOG.debug("RabbitMQ publisher {} stopped ({} events dropped)", publisher.getName(), left.size());
    }

    /** One event waiting to be published: its destination and its (maybe shared) bytes. */
    private record Outgoing(RabbitDestination destination, Body body) {
    }

    /** A copy of an event's bytes and how many waiting events share it; its bytes count until the last is done. */
    private static final class Body {
        private final byte[] bytes;
        private final AtomicInteger users = new AtomicInteger(1);

        Body(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        /** One more user, unless the last one is done already (then its bytes were given back). */
        boolean retain() {
            for (int n = users.get(); n > 0; n = users.get()) {
                if (users.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
            return false;
        }

        void release(AtomicLong counted) {
            if (users.decrementAndGet() == 0) {
                counted.addAndGet(-bytes.length);
            }
        }
    }
}
