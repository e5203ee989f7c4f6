package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.SocketAddress;
import java.util.Map;

import org.evi4j.mi.MiDispatcher;

/** The real MI datagram server started and stopped from plain Java (benchmarks only). */
public final class BenchMiServer implements AutoCloseable {

    private final MiDatagramServer server;

    /**
     * @param socketName {@code udp:HOST:PORT} or {@code unix:/path}
     * @param children   reader threads ({@code children_count})
     */
    public BenchMiServer(MiDispatcher dispatcher, String socketName, int children) throws IOException {
        Map<String, Object> properties = Map.of("socket_name", socketName, "children_count", children);
        MiDatagramConfig config = (MiDatagramConfig) Proxy.newProxyInstance(MiDatagramConfig.class.getClassLoader(),
                new Class<?>[] {MiDatagramConfig.class}, (proxy, method, args) -> {
                    Object value = properties.get(method.getName().replace("__", "_"));
                    if (value != null) {
                        return value;
                    }
                    return method.getName().equals("toString") ? properties.toString() : method.getDefaultValue();
                });
        server = new MiDatagramServer(dispatcher, config);
    }

    public SocketAddress localAddress() {
        return server.localAddress();
    }

    @Override
    public void close() {
        server.stop();
    }
}
