package org.evi4j.transport.udp.internal;

import java.lang.annotation.Annotation;

/** Creates and stops the real UDP transport from plain Java, with its default configuration (benchmarks only). */
public final class BenchUdp {

    private BenchUdp() {
    }

    /** A transport as SCR activates it without configuration. */
    public static UdpTransport start() {
        return new UdpTransport(new UdpTransportConfig() {
            @Override
            public int send__buffer__size() {
                return 0;
            }

            @Override
            public String bind__address() {
                return "";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return UdpTransportConfig.class;
            }
        });
    }

    /** Closes the transport's channels. */
    public static void stop(UdpTransport transport) {
        transport.deactivate();
    }
}
