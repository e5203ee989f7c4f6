package org.evi4j.eventadmin.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Lets one caller through per period, so that a flood of failures gives a log line now and then, not a flood. */
final class RateLimiter {

    private final long periodNanos;
    private final AtomicLong next;

    RateLimiter(long period, TimeUnit unit) {
        this.periodNanos = unit.toNanos(period);
        this.next = new AtomicLong(System.nanoTime());
    }

    /** Whether the caller may log now. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        long due = next.get();
        return now - due >= 0 && next.compareAndSet(due, now + periodNanos);
    }
}
