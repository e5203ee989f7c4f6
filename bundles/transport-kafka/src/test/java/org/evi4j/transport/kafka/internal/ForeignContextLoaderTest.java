package org.evi4j.transport.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import org.evi4j.spi.DeliveryReport;
import org.junit.jupiter.api.Test;

/**
 * The Kafka client loads classes by name through the thread's context class loader (TOOLCHAIN G36); in an OSGi
 * framework that loader is whatever the calling thread brought (Karaf's feature installer, an MI reader), without
 * Kafka. Checking properties, parsing sockets and activating must work whatever it is.
 */
class ForeignContextLoaderTest {

    @Test
    void checksAndParsesWithAContextLoaderThatHasNoKafka() throws Exception {
        Thread self = Thread.currentThread();
        ClassLoader saved = self.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            self.setContextClassLoader(empty);
            KafkaTransport transport = TestTransports.transport();
            KafkaDestination d = (KafkaDestination) transport.parse("127.0.0.1:9092/t?g.linger.ms=3",
                    DeliveryReport.NONE);
            assertThat(d.producer().properties()).isEqualTo(Map.of("linger.ms", "3"));
            assertThatThrownBy(() -> ClientProperties.check(Map.of("acks", "most"), "socket"))
                    .hasMessageContaining("Invalid value most for configuration acks");
            assertThat(self.getContextClassLoader()).isSameAs(empty);
        } finally {
            self.setContextClassLoader(saved);
        }
    }
}
