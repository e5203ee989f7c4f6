package org.evi4j.transport.rabbitmq.internal;

import java.util.List;

/**
 * Creates, inspects and stops the real RabbitMQ transport from plain Java (benchmarks only): this class sits in
 * the transport's package on the benchmarks' class path to reach its package-private settings.
 */
public final class BenchRabbit {

    private BenchRabbit() {
    }

    /** A transport as SCR activates it with this queue_size and confirms, the other settings at their defaults. */
    public static RabbitTransport start(int queueSize, boolean confirms) {
        return new RabbitTransport(new LinkSettings(queueSize, 100, 30_000, confirms, 2000, 30));
    }

    /** The counters of the transport's broker connections. */
    public static List<RabbitConnectionStats> connections(RabbitTransport transport) {
        return transport.connections();
    }

    /** Deactivates the transport: its publisher threads stop, its connections close. */
    public static void stop(RabbitTransport transport) throws InterruptedException {
        transport.deactivate();
    }
}
