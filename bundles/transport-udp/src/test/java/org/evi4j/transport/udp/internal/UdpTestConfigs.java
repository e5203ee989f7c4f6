package org.evi4j.transport.udp.internal;

import java.lang.annotation.Annotation;

/** Builds {@link UdpTransportConfig} instances as ConfigAdmin would. */
final class UdpTestConfigs {

    private UdpTestConfigs() {
    }

    static UdpTransportConfig config(int sendBufferSize, String bindAddress) {
        return new UdpTransportConfig() {
            @Override
            public int send__buffer__size() {
                return sendBufferSize;
            }

            @Override
            public String bind__address() {
                return bindAddress;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return UdpTransportConfig.class;
            }
        };
    }

    static UdpTransport transport() {
        return new UdpTransport(config(0, ""));
    }
}
