package org.evi4j.transport.unix.internal;

/** Stops the real UNIX transport from plain Java (benchmarks only; its constructor is public). */
public final class BenchUnix {

    private BenchUnix() {
    }

    /** Closes the transport's channels. */
    public static void stop(UnixTransport transport) {
        transport.deactivate();
    }
}
