package org.evi4j.transport.rabbitmq.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the RabbitMQ event transport (PID {@value RabbitTransport#PID}); every value has a default. */
@ObjectClassDefinition(name = "evi4j RabbitMQ event transport",
        description = "Publishes events to RabbitMQ brokers for rabbitmq: subscribers")
public @interface RabbitTransportConfig {

    @AttributeDefinition(name = "queue_size", min = "1",
            description = "Events waiting to be published, per broker connection; events past it are dropped")
    int queue__size() default 10000;

    @AttributeDefinition(name = "reconnect_min_ms", min = "1",
            description = "First wait before connecting again after a failure, in milliseconds; doubles up to "
                    + "reconnect_max_ms")
    long reconnect__min__ms() default 100;

    @AttributeDefinition(name = "reconnect_max_ms", min = "1",
            description = "Longest wait between two connection attempts, in milliseconds")
    long reconnect__max__ms() default 30000;

    @AttributeDefinition(name = "confirms",
            description = "Ask the broker to confirm every event (publisher confirms), to count deliveries")
    boolean confirms() default true;

    @AttributeDefinition(name = "connect_timeout_ms", min = "0",
            description = "TCP connection timeout in milliseconds; 0 = none")
    int connect__timeout__ms() default 2000;

    @AttributeDefinition(name = "heartbeat_s", min = "0", max = "65535",
            description = "AMQP heartbeat requested from the broker, in seconds; 0 = none")
    int heartbeat__s() default 30;

    @AttributeDefinition(name = "queue_bytes", min = "1",
            description = "Bytes of events waiting to be published, per broker connection (an event raised for "
                    + "several subscribers of one connection is kept once); events past it are dropped")
    long queue__bytes() default LinkSettings.DEFAULT_QUEUE_BYTES;

    @AttributeDefinition(name = "max_connections", min = "1",
            description = "Broker connections (one publisher thread each) open at once; subscribers of further "
                    + "broker logins get nothing until one closes (counted as failed)")
    int max__connections() default LinkSettings.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(name = "allowed_destinations", required = false,
            description = "Networks (CIDRs, comma-separated) a broker address may be in; empty: none, so that no "
                    + "one can make evi4j connect anywhere (not even to a loopback port) until a broker is named")
    String[] allowed__destinations() default {};
}
