package org.evi4j.mi.datagram.internal;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one socket, updated by its reader threads. */
final class SocketCounters implements MiSocketStatistics {
    private final String socket;
    final LongAdder requests = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder repliesDropped = new LongAdder();
    final LongAdder sourcesRefused = new LongAdder();
    final LongAdder truncated = new LongAdder();
    final LongAdder errors = new LongAdder();

    SocketCounters(String socket) {
        this.socket = socket;
    }

    @Override
    public String socket() {
        return socket;
    }

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public long replies() {
        return replies.sum();
    }

    @Override
    public long repliesDropped() {
        return repliesDropped.sum();
    }

    @Override
    public long sourcesRefused() {
        return sourcesRefused.sum();
    }

    @Override
    public long refused() {
        return sourcesRefused();
    }

    @Override
    public long truncated() {
        return truncated.sum();
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    @Override
    public String toString() {
        return socket + " requests=" + requests() + " replies=" + replies() + " dropped=" + repliesDropped()
                + " refused=" + sourcesRefused() + " truncated=" + truncated() + " errors=" + errors();
    }
}
