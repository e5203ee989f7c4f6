package org.evi4j.support;

import java.util.concurrent.TimeUnit;

/**
 * Lets at most a few log lines through per interval, so that a flood of failures (a dead subscriber, bad datagrams,
 * a burst of refused requests) gives a line now and then rather than a flood; counts what it holds back so the next
 * line can say how many were skipped. One limiter per log site (or per class of sites) makes a global budget that
 * no number of subscribers or clients can exceed. Thread-safe.
 */
public final class LogLimiter {
    private final int linesPerInterval;
    private final long intervalNanos;
    private long windowEnd;
    private int used;
    private long suppressed;

    /** One line per interval. */
    public LogLimiter(long interval, TimeUnit unit) {
        this(1, interval, unit);
    }

    /** At most {@code lines} lines per interval. */
    public LogLimiter(int lines, long interval, TimeUnit unit) {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1: " + lines);
        }
        this.linesPerInterval = lines;
        this.intervalNanos = unit.toNanos(interval);
        this.windowEnd = System.nanoTime();
    }

    /** -1 when this line is to be skipped, otherwise the number of lines skipped since the last one let through. */
    public synchronized long permit() {
        long now = System.nanoTime();
        if (now - windowEnd >= 0) {
            windowEnd = now + intervalNanos;
            used = 0;
        }
        if (used < linesPerInterval) {
            used++;
            long skipped = suppressed;
            suppressed = 0;
            return skipped;
        }
        suppressed++;
        return -1;
    }

    /** Whether this line may be logged now. */
    public boolean tryAcquire() {
        return permit() >= 0;
    }

    /** The suffix a line let through adds: empty, or how many similar lines were held back before it. */
    public static String suppressedNote(long skipped) {
        return skipped > 0 ? " (" + skipped + " similar lines suppressed)" : "";
    }
}
