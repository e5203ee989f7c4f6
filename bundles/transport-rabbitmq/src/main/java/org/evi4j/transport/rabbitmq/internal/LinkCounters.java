package org.evi4j.transport.rabbitmq.internal;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one broker connection, written by the raising threads, its publisher and the client's thread. */
final class LinkCounters {

    final LongAdder queued = new LongAdder();
    final LongAdder published = new LongAdder();
    final LongAdder confirmed = new LongAdder();
    final LongAdder nacked = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    private volatile boolean connected;
    private volatile String lastError;

    void connected(boolean now) {
        connected = now;
    }

    void error(String reason) {
        lastError = reason;
    }

    /** Why events cannot go out now: the last error while the connection is down; {@code null} while it is up. */
    String problem() {
        return connected ? null : lastError;
    }

    RabbitConnectionStats snapshot(String broker, int waiting) {
        return new RabbitConnectionStats(broker, connected, waiting, queued.sum(), published.sum(), confirmed.sum(),
                nacked.sum(), failed.sum(), dropped.sum(), reconnects.sum(), lastError);
    }
}
