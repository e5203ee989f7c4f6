package org.evi4j.itests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;

/**
 * Raises one event at a steady rate in a thread of its own until stopped or until its time is up, recording the
 * longest single {@code raise} and anything {@code raise} threw (which it never should).
 */
final class PacedProducer implements AutoCloseable {

    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final EventInterface evi;
    private final Event event;
    private final long perSecond;
    private final long maxNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long raised;
    private volatile long maxRaiseNanos;
    private volatile Throwable thrown;

    private PacedProducer(EventInterface evi, Event event, long perSecond, long maxMillis) {
        this.evi = evi;
        this.event = event;
        this.perSecond = perSecond;
        this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
        this.thread = new Thread(this::run, "itest-producer");
        this.thread.setDaemon(true);
    }

    /** Starts raising {@code perSecond} events a second, for at most {@code maxMillis}. */
    static PacedProducer start(EventInterface evi, Event event, long perSecond, long maxMillis) {
        PacedProducer producer = new PacedProducer(evi, event, perSecond, maxMillis);
        producer.thread.start();
        return producer;
    }

    private void run() {
        long start = System.nanoTime();
        long count = 0;
        long longest = 0;
        while (running) {
            long elapsed = System.nanoTime() - start;
            if (elapsed > maxNanos) {
                break;
            }
            long due = elapsed * perSecond / TimeUnit.SECONDS.toNanos(1);
            if (count >= due) {
                LockSupport.parkNanos(PARK_NANOS);
                continue;
            }
            long before = System.nanoTime();
            try {
                evi.raise(event);
            } catch (Throwable t) {
                thrown = t;
                break;
            }
            longest = Math.max(longest, System.nanoTime() - before);
            count++;
            raised = count;
            maxRaiseNanos = longest;
        }
    }

    /** Events raised so far. */
    long raised() {
        return raised;
    }

    /** The longest single raise, in milliseconds. */
    double maxRaiseMillis() {
        return maxRaiseNanos / 1e6;
    }

    /** What {@code raise} threw, or {@code null}. */
    Throwable thrown() {
        return thrown;
    }

    /** Whether the producer still raises (its time is not up). */
    boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops raising and waits for the thread (bounded). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Await.TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("the producer did not stop: a raise blocks");
        }
    }
}
