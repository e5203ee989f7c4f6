package org.evi4j.transport.kafka.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Kafka producer: the destinations with the same brokers and the same client properties share it, whatever their
 * topics and keys.
 *
 * @param bootstrap  the brokers as the client takes them ({@code host:port,host:port})
 * @param properties the socket's client properties, Java names, sorted
 */
record ProducerKey(String bootstrap, Map<String, String> properties) {

    ProducerKey {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The brokers and the property names, never their values (a value may be a password). */
    @Override
    public String toString() {
        return properties.isEmpty() ? bootstrap : bootstrap + " " + properties.keySet();
    }
}
