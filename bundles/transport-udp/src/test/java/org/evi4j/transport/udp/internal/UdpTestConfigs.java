package org.evi4j.transport.udp.internal;

import java.util.Map;

import org.evi4j.testkit.Configs;

/** Builds {@link UdpTransportConfig} instances as ConfigAdmin would. */
final class UdpTestConfigs {

    private UdpTestConfigs() {
    }

    static UdpTransportConfig config(int sendBufferSize, String bindAddress) {
        return Configs.of(UdpTransportConfig.class,
                Map.of("send_buffer_size", sendBufferSize, "bind_address", bindAddress));
    }

    static UdpTransport transport() {
        return new UdpTransport(Configs.of(UdpTransportConfig.class));
    }
}
