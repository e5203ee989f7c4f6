package org.evi4j.transport.rabbitmq.internal;

/**
 * What every broker connection of one transport instance works with, checked once from the configuration.
 *
 * @param queueSize        events waiting per connection before sends are dropped
 * @param reconnectMinMs   first back-off after a failed connection attempt
 * @param reconnectMaxMs   longest back-off
 * @param confirms         whether to use publisher confirms
 * @param connectTimeoutMs TCP connect timeout, 0 for none
 * @param heartbeatS       requested AMQP heartbeat, 0 for none
 */
record LinkSettings(int queueSize, long reconnectMinMs, long reconnectMaxMs, boolean confirms, int connectTimeoutMs,
        int heartbeatS) {

    LinkSettings {
        check(queueSize >= 1, "queue_size must be 1 or more: " + queueSize);
        check(reconnectMinMs >= 1, "reconnect_min_ms must be 1 or more: " + reconnectMinMs);
        check(reconnectMaxMs >= reconnectMinMs, "reconnect_max_ms (" + reconnectMaxMs
                + ") must not be below reconnect_min_ms (" + reconnectMinMs + ")");
        check(connectTimeoutMs >= 0, "connect_timeout_ms must be 0 or more: " + connectTimeoutMs);
        check(heartbeatS >= 0 && heartbeatS <= 65535, "heartbeat_s must be 0-65535: " + heartbeatS);
    }

    static LinkSettings of(RabbitTransportConfig config) {
        return new LinkSettings(config.queue__size(), config.reconnect__min__ms(), config.reconnect__max__ms(),
                config.confirms(), config.connect__timeout__ms(), config.heartbeat__s());
    }

    private static void check(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
