package org.evi4j.transport.tcp.internal;

/**
 * When to connect again: {@code reconnect_min_ms} after a failure or a close by the peer, doubling after each
 * failure up to {@code reconnect_max_ms}, back to the minimum once a connection has lived {@link #STABLE_MS}. Used by
 * the sender thread only.
 */
final class Backoff {

    /** A connection that lived this long resets the back-off. */
    static final long STABLE_MS = 1000;

    private final long minMs;
    private final long maxMs;
    private long currentMs;
    private long retryAt;

    Backoff(long minMs, long maxMs) {
        this.minMs = minMs;
        this.maxMs = maxMs;
    }

    /** A connection attempt failed at {@code now}. */
    void failed(long now) {
        currentMs = currentMs == 0 ? minMs : Math.min(currentMs * 2, maxMs);
        retryAt = now + currentMs;
    }

    /** A connection opened at {@code connectedAt} was lost at {@code now}. */
    void lost(long connectedAt, long now) {
        if (now - connectedAt >= STABLE_MS) {
            currentMs = 0;
        }
        failed(now);
    }

    boolean due(long now) {
        return now >= retryAt;
    }

    long retryAt() {
        return retryAt;
    }
}
