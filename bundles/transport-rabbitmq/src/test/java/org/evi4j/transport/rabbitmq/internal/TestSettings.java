package org.evi4j.transport.rabbitmq.internal;

import org.evi4j.support.HostResolver;

/** Settings for the tests: short back-off so that reconnection happens within a test's patience. */
final class TestSettings {

    /** One resolver for the parser tests (its threads end on their own when idle). */
    static final HostResolver RESOLVER = new HostResolver("test", 30_000);

    private TestSettings() {
    }

    static LinkSettings settings(int queueSize, boolean confirms) {
        return new LinkSettings(queueSize, 50, 400, confirms, 2000, 30);
    }

    static LinkSettings defaults() {
        return settings(10_000, true);
    }
}
