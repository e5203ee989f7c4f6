package org.evi4j.transport.udp.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Lets at most one warning through per interval, so that a dead subscriber cannot flood the log. */
final class WarnLimiter {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    WarnLimiter(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /**
     * Whether a warning may be logged now.
     *
     * @return -1 when it may not, else how many were suppressed since the last one that was let through
     */
    long tryAcquire() {
        long now = System.nanoTime();
        long due = next.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
