package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.mi.datagram.internal.MiDatagramConfig;
import org.evi4j.mi.datagram.internal.MiDatagramServer;
import org.evi4j.testkit.Configs;

/** The real MI datagram server started and stopped from plain Java (benchmarks only). */
public final class BenchMiServer implements AutoCloseable {

    private final MiDatagramServer server;

    /**
     * @param socketName {@code udp:HOST:PORT} or {@code unix:/path}
     * @param children   reader threads ({@code children_count})
     */
    public BenchMiServer(MiDispatcher dispatcher, String socketName, int children) throws IOException {
        server = new MiDatagramServer(dispatcher, Configs.of(MiDatagramConfig.class,
                Map.of("socket_name", socketName, "children_count", children)), null);
    }

    public SocketAddress localAddress() {
        return server.localAddress();
    }

    @Override
    public void close() {
        server.stop();
    }
}
