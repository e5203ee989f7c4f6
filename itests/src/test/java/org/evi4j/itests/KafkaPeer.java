package org.evi4j.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The test's own plain Kafka consumer: reads a topic's only partition from the beginning (assign and seek, no group),
 * until it has the records asked for or the time is up.
 */
final class KafkaPeer {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private KafkaPeer() {
    }

    static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int count) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "client.id",
                "itest-reader-" + UUID.randomUUID(), "enable.auto.commit", false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Thread self = Thread.currentThread();
        ClassLoader saved = self.getContextClassLoader();
        // the client loads its metric reporters by name through the context class loader (TOOLCHAIN G36)
        self.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (records.size() < count && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } finally {
            self.setContextClassLoader(saved);
        }
        return records;
    }
}
