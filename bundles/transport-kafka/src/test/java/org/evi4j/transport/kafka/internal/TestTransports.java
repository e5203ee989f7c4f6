package org.evi4j.transport.kafka.internal;

import java.util.Map;

/** Transports for the tests, with the defaults of the configuration unless a test needs otherwise. */
final class TestTransports {

    static final Map<String, String> DEFAULTS = Map.of("acks", "all", "linger.ms", "5", "compression.type", "none");

    private TestTransports() {
    }

    static KafkaTransport transport(long queueBytes, int maxProducers) {
        return new KafkaTransport(new ProducerSettings(queueBytes, maxProducers, 1000, DEFAULTS));
    }

    static KafkaTransport transport() {
        return transport(8 * 1024 * 1024, 16);
    }
}
