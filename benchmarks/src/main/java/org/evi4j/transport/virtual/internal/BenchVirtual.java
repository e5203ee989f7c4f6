package org.evi4j.transport.virtual.internal;

import java.lang.annotation.Annotation;

import org.evi4j.spi.Transports;

/** Creates the real virtual transport from plain Java, with its default configuration (benchmarks only). */
public final class BenchVirtual {

    private BenchVirtual() {
    }

    /** A transport as SCR activates it without configuration, reaching the members through {@code transports}. */
    public static VirtualTransport start(Transports transports) {
        return new VirtualTransport(transports, new VirtualTransportConfig() {
            @Override
            public int failover__timeout() {
                return 30;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return VirtualTransportConfig.class;
            }
        });
    }
}
