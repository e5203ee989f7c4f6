package org.evi4j.transport.kafka.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Kafka event transport (PID {@value KafkaTransport#PID}); every value has a default. */
@ObjectClassDefinition(name = "evi4j Kafka event transport",
        description = "Produces events to Apache Kafka topics for kafka: subscribers")
@interface KafkaTransportConfig {

    @AttributeDefinition(name = "queue_bytes", min = "1024",
            description = "Bytes of events waiting to be handed to the Kafka client, per producer; events past it "
                    + "are dropped (counted per subscriber)")
    long queue__bytes() default 8 * 1024 * 1024;

    @AttributeDefinition(name = "max_producers", min = "1",
            description = "Kafka producers at most: one per broker list and client properties in use")
    int max__producers() default 16;

    @AttributeDefinition(name = "acks",
            description = "Default acks: all (-1), 1 or 0; a subscriber's g.acks or t.acks overrides it")
    String acks() default "all";

    @AttributeDefinition(name = "linger_ms", min = "0",
            description = "Default linger.ms: how long the client waits to fill a batch")
    int linger__ms() default 5;

    @AttributeDefinition(name = "compression_type",
            description = "Default compression.type: none or gzip (snappy, lz4 and zstd are not available)")
    String compression__type() default "none";

    @AttributeDefinition(name = "max_block_ms", min = "1",
            description = "How long the producer thread waits for a topic's metadata (broker down, topic being "
                    + "created) before trying again; never the raising thread")
    long max__block__ms() default 1000;
}
