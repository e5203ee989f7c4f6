package org.evi4j.transport.kafka.internal;

/**
 * A snapshot of one producer's counters, all since it was first used.
 *
 * @param producer     its brokers and the names of its client properties
 * @param waiting      events in its queue now
 * @param waitingBytes the bytes they hold
 * @param queued       events taken into the queue
 * @param sent         events handed to the Kafka client
 * @param delivered    events the broker acknowledged
 * @param failed       events the client gave up (an error, a timeout)
 * @param dropped      events not taken (queue full) or given up (transport stopped)
 * @param lastError    the last problem, or {@code null}
 */
public record KafkaProducerStats(String producer, int waiting, long waitingBytes, long queued, long sent,
        long delivered, long failed, long dropped, String lastError) {
}
