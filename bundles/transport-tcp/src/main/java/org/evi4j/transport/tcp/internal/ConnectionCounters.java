package org.evi4j.transport.tcp.internal;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one connection, written by the raising threads and the sender thread. */
final class ConnectionCounters {

    final LongAdder queued = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder connects = new LongAdder();
    private volatile boolean connected;
    private volatile String lastError;

    void connected(boolean now) {
        connected = now;
    }

    void error(String reason) {
        lastError = reason;
    }

    TcpConnectionStats snapshot(String target, long waitingBytes) {
        return new TcpConnectionStats(target, connected, waitingBytes, queued.sum(), sent.sum(), delivered.sum(),
                failed.sum(), dropped.sum(), connects.sum(), lastError);
    }
}
