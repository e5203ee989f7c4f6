package org.evi4j.transport.kafka.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * What every producer of one transport instance works with, checked once from the configuration.
 *
 * @param queueBytes   bytes of events waiting per producer before sends are dropped
 * @param maxProducers the most producers at once
 * @param maxBlockMs   how long one attempt to hand a record to the client may wait for metadata
 * @param defaults     client properties every producer starts from (Java names), below the subscriber's own
 */
record ProducerSettings(long queueBytes, int maxProducers, long maxBlockMs, Map<String, String> defaults) {

    ProducerSettings {
        check(queueBytes >= 1024, "queue_bytes must be 1024 or more: " + queueBytes);
        check(maxProducers >= 1, "max_producers must be 1 or more: " + maxProducers);
        check(maxBlockMs >= 1, "max_block_ms must be 1 or more: " + maxBlockMs);
        defaults = Map.copyOf(defaults);
    }

    static ProducerSettings of(KafkaTransportConfig config) {
        Map<String, String> defaults = new TreeMap<>();
        defaults.put("acks", config.acks());
        defaults.put("linger.ms", Integer.toString(config.linger__ms()));
        defaults.put("compression.type", config.compression__type());
        ClientProperties.check(defaults, "configuration");
        return new ProducerSettings(config.queue__bytes(), config.max__producers(), config.max__block__ms(),
                defaults);
    }

    private static void check(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
