package org.evi4j.transport.kafka.internal;

import java.util.function.Supplier;

/**
 * Runs Kafka client code with this bundle's class loader as the thread's context class loader. The client loads
 * classes named in its configuration through that loader (TOOLCHAIN G36: {@code metric.reporters}, and the default
 * {@code sasl.oauthbearer.jwt.retriever.class} as soon as its configuration definitions load), and the calling
 * thread's own loader (Karaf's feature installer, an MI reader) does not see the embedded client.
 */
final class KafkaLoader {

    private KafkaLoader() {
    }

    static <T> T call(Supplier<T> action) {
        Thread self = Thread.currentThread();
        ClassLoader saved = self.getContextClassLoader();
        self.setContextClassLoader(KafkaLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            self.setContextClassLoader(saved);
        }
    }
}
