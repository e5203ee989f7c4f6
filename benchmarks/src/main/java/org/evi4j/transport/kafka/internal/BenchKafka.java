package org.evi4j.transport.kafka.internal;

import java.util.List;
import java.util.Map;

/**
 * Creates, inspects and stops the real Kafka transport from plain Java (benchmarks only): this class sits in the
 * transport's package on the benchmarks' class path to reach its package-private settings.
 */
public final class BenchKafka {

    private BenchKafka() {
    }

    /** A transport as SCR activates it with these settings (max_producers and max_block_ms at their defaults). */
    public static KafkaTransport start(long queueBytes, String acks, int lingerMs) {
        return new KafkaTransport(new ProducerSettings(queueBytes, 16, 1000, Map.of("acks", acks, "linger.ms",
                Integer.toString(lingerMs), "compression.type", "none")));
    }

    /** The counters of the transport's producers. */
    public static List<KafkaProducerStats> producers(KafkaTransport transport) {
        return transport.producers();
    }

    /** Deactivates the transport: its producer threads stop, its producers close. */
    public static void stop(KafkaTransport transport) throws InterruptedException {
        transport.deactivate();
    }
}
