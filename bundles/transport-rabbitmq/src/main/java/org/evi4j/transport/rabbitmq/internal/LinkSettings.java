package org.evi4j.transport.rabbitmq.internal;


import org.evi4j.support.net.Networks;

/**
 * What every broker connection of one transport instance works with, checked once from the configuration.
 *
 * @param queueSize        events waiting per connection before sends are dropped
 * @param reconnectMinMs   first back-off after a failed connection attempt
 * @param reconnectMaxMs   longest back-off
 * @param confirms         whether to use publisher confirms
 * @param connectTimeoutMs TCP connect timeout, 0 for none
 * @param heartbeatS       requested AMQP heartbeat, 0 for none
 * @param queueBytes       bytes of events waiting per connection before sends are dropped
 * @param maxConnections   broker connections (and so publisher threads) the transport may hold at once
 * @param allowedBrokers   networks a broker address may be in; empty allows none
 */
record LinkSettings(int queueSize, long reconnectMinMs, long reconnectMaxMs, boolean confirms, int connectTimeoutMs,
        int heartbeatS, long queueBytes, int maxConnections, Networks allowedBrokers) {

    static final long DEFAULT_QUEUE_BYTES = 16L << 20;
    static final int DEFAULT_MAX_CONNECTIONS = 16;

    /** Settings with the default byte bound and connection cap, every broker allowed (for tests). */
    LinkSettings(int queueSize, long reconnectMinMs, long reconnectMaxMs, boolean confirms, int connectTimeoutMs,
            int heartbeatS) {
        this(queueSize, reconnectMinMs, reconnectMaxMs, confirms, connectTimeoutMs, heartbeatS, DEFAULT_QUEUE_BYTES,
                DEFAULT_MAX_CONNECTIONS, Networks.parse("allowed_destinations", "0.0.0.0/0", "::/0"));
    }

    LinkSettings {
        check(queueSize >= 1, "queue_size must be 1 or more: " + queueSize);
        check(reconnectMinMs >= 1, "reconnect_min_ms must be 1 or more: " + reconnectMinMs);
        check(reconnectMaxMs >= reconnectMinMs, "reconnect_max_ms (" + reconnectMaxMs
                + ") must not be below reconnect_min_ms (" + reconnectMinMs + ")");
        check(connectTimeoutMs >= 0, "connect_timeout_ms must be 0 or more: " + connectTimeoutMs);
        check(heartbeatS >= 0 && heartbeatS <= 65535, "heartbeat_s must be 0-65535: " + heartbeatS);
        check(queueBytes >= 1, "queue_bytes must be 1 or more: " + queueBytes);
        check(maxConnections >= 1, "max_connections must be 1 or more: " + maxConnections);
    }

    /** The same settings with other limits (for tests). */
    LinkSettings withLimits(long bytes, int connections, Networks allowed) {
        return new LinkSettings(queueSize, reconnectMinMs, reconnectMaxMs, confirms, connectTimeoutMs, heartbeatS,
                bytes, connections, allowed);
    }

    static LinkSettings of(RabbitTransportConfig config) {
        return new LinkSettings(config.queue__size(), config.reconnect__min__ms(), config.reconnect__max__ms(),
                config.confirms(), config.connect__timeout__ms(), config.heartbeat__s(), config.queue__bytes(),
                config.max__connections(), Networks.parse("allowed_destinations", config.allowed__destinations()));
    }

    private static void check(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
