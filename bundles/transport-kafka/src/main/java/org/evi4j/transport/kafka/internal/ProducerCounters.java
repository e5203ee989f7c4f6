package org.evi4j.transport.kafka.internal;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one producer, written by the raising threads, its producer thread and the client's I/O thread. */
final class ProducerCounters {

    final LongAdder queued = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    private volatile String lastError;

    void error(String reason) {
        lastError = reason;
    }

    KafkaProducerStats snapshot(String producer, int waiting, long waitingBytes) {
        return new KafkaProducerStats(producer, waiting, waitingBytes, queued.sum(), sent.sum(), delivered.sum(),
                failed.sum(), dropped.sum(), lastError);
    }
}
