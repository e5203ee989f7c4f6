package org.evi4j.transport.kafka.internal;

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
 * A plain Kafka consumer for the tests: reads a topic's only partition from the beginning (assign and seek, no
 * group), until it has the records asked for or the time is up.
 */
final class TopicReader {

    private TopicReader() {
    }

    static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int count, Duration within) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "client.id",
                "test-reader-" + UUID.randomUUID(), "enable.auto.commit", false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + within.toNanos();
            while (records.size() < count && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every record of the topic now (waits until a poll brings nothing new, at most the time given). */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, Duration within) {
        return read(bootstrap, topic, Integer.MAX_VALUE, within);
    }
}
