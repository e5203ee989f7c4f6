package org.evi4j.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval, so that a flood of failures (a dead subscriber, bad datagrams) gives a
 * line now and then rather than a flood; counts what it holds back so the next line can say how many were
 * skipped. Thread-safe and lock-free.
 */
public final class LogLimiter {
    private final long intervalNanos;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    public LogLimiter(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
        this.nextAllowed = new AtomicLong(System.nanoTime());
    }

    /** -1 when this line is to be skipped, otherwise the number of lines skipped since the last one let through. */
    public long permit() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }

    /** Whether this line may be logged now. */
    public boolean tryAcquire() {
        return permit() >= 0;
    }
}
