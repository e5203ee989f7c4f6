package org.evi4j.transport.kafka.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.evi4j.testkit.KafkaBroker;

/**
 * One private Kafka broker for every broker test of this module (surefire runs them in one JVM): started by the first
 * (about 4 s), killed when the JVM ends. Tests that kill it restart it on the same ports before they end.
 */
final class SharedBroker {

    /** Guarded by the class. */
    private static KafkaBroker broker;

    private SharedBroker() {
    }

    static synchronized KafkaBroker get() {
        if (broker == null) {
            try {
                broker = KafkaBroker.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-kafka-stop"));
        }
        return broker;
    }
}
