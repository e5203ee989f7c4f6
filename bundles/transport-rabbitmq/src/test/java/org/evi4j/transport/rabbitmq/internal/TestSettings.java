package org.evi4j.transport.rabbitmq.internal;

/** Settings for the tests: short back-off so that reconnection happens within a test's patience. */
final class TestSettings {

    private TestSettings() {
    }

    static LinkSettings settings(int queueSize, boolean confirms) {
        return new LinkSettings(queueSize, 50, 400, confirms, 2000, 30);
    }

    static LinkSettings defaults() {
        return settings(10_000, true);
    }
}
