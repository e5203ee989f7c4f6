package org.evi4j.eventadmin.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue drained by one {@link BridgeThread}: {@link #offer} never waits, and what does not fit is
 * counted and dropped. The thread is never interrupted, since an interrupt would close the NIO channels a
 * transport uses while the thread raises an event; it notices {@link #close} within one poll period instead.
 *
 * @param <T> what is handed off
 */
final class Handoff<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);
    private static final long POLL_MILLIS = 100;
    private static final long JOIN_MILLIS = 5000;

    private final String name;
    private final BlockingQueue<T> queue;
    private final Consumer<T> sink;
    private final AtomicLong overflow = new AtomicLong();
    private final LogLimiter overflowLog = new LogLimiter(10, TimeUnit.SECONDS);
    private final LogLimiter failureLog = new LogLimiter(10, TimeUnit.SECONDS);
    private final Thread thread;
    private volatile boolean open = true;

    Handoff(String name, int capacity, Consumer<T> sink) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.thread = new BridgeThread(this::drain, name);
        thread.start();
    }

    /** Queues an item, or counts it as overflow when the queue is full; never waits. */
    boolean offer(T item) {
        if (queue.offer(item)) {
            return true;
        }
        long dropped = overflow.incrementAndGet();
        if (overflowLog.tryAcquire()) {
            LOG.warn("{}: queue full ({} waiting), {} events dropped so far", name, queue.size(), dropped);
        }
        return false;
    }

    /** Items dropped because the queue was full. */
    long overflow() {
        return overflow.get();
    }

    /** Stops the thread after the item it is handling; items still queued are dropped. */
    @Override
    public void close() {
        open = false;
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{}: still busy after {} ms; it stops after its current event", name, JOIN_MILLIS);
        }
        int left = queue.size();
        queue.clear();
        LOG.debug("{}: stopped, {} queued events dropped", name, left);
    }

    private void drain() {
        while (open) {
            T item;
            try {
                item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item != null && open) {
                handle(item);
            }
        }
    }

    private void handle(T item) {
        try {
            sink.accept(item);
        } catch (RuntimeException e) {
            if (failureLog.tryAcquire()) {
                LOG.warn("{}: could not raise {}: {}", name, item, e.toString());
            }
        }
    }
}
