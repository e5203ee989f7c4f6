package org.evi4j.transport.tcp.internal;

import org.evi4j.support.BooleanProperty;

/**
 * The transport's configuration, checked.
 *
 * @param eventParam {@code null} when unset
 */
record TcpSettings(boolean reliable, int timeoutMs, String eventParam, int queueBytes, long reconnectMinMs,
        long reconnectMaxMs, int connectTimeoutMs) {

    TcpSettings {
        if (timeoutMs < 1 || queueBytes < 1 || reconnectMinMs < 1 || reconnectMaxMs < reconnectMinMs
                || connectTimeoutMs < 1) {
            throw new IllegalArgumentException("invalid TCP transport settings: timeout " + timeoutMs
                    + ", queue_bytes " + queueBytes + ", reconnect " + reconnectMinMs + "-" + reconnectMaxMs
                    + " ms, connect_timeout_ms " + connectTimeoutMs);
        }
        eventParam = eventParam == null || eventParam.isEmpty() ? null : eventParam;
    }

    static TcpSettings of(TcpTransportConfig config) {
        return new TcpSettings(BooleanProperty.parse("reliable_mode", config.reliable__mode(), false),
                config.timeout(), config.event__param(), config.queue__bytes(), config.reconnect__min__ms(),
                Math.max(config.reconnect__min__ms(), config.reconnect__max__ms()), config.connect__timeout__ms());
    }

    /** OpenSIPS's defaults and evi4j's. */
    static TcpSettings defaults() {
        return new TcpSettings(false, 1000, null, 4 * 1024 * 1024, 100, 30_000, 2000);
    }

    /**
     * Whether a subscriber without a method gets the encoder's bytes as they are: no id to add, no event
     * parameter to insert.
     */
    boolean plain() {
        return !reliable && eventParam == null;
    }
}
