package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.util.List;

/**
 * Creates, inspects and stops the real TCP transport from plain Java (benchmarks only): this class sits in the
 * transport's package on the benchmarks' class path to reach its package-private settings.
 */
public final class BenchTcp {

    private BenchTcp() {
    }

    /** A transport as SCR activates it with these settings, the others at their defaults. */
    public static TcpTransport start(boolean reliable, int timeoutMs, int queueBytes) throws IOException {
        TcpSettings d = TcpSettings.defaults();
        return new TcpTransport(new TcpSettings(reliable, timeoutMs, null, queueBytes, d.reconnectMinMs(),
                d.reconnectMaxMs(), d.connectTimeoutMs()));
    }

    /** The counters of the transport's connections. */
    public static List<TcpConnectionStats> connections(TcpTransport transport) {
        return transport.connections();
    }

    /** Deactivates the transport: its sender thread stops, its connections close. */
    public static void stop(TcpTransport transport) throws InterruptedException {
        transport.deactivate();
    }
}
