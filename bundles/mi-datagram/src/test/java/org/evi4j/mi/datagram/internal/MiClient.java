package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A test client of an MI socket. */
interface MiClient extends AutoCloseable {

    void send(byte[] request) throws IOException;

    /** The next datagram, or {@code null} when none comes within the timeout. */
    byte[] receive(int timeoutMillis) throws IOException;

    default void send(String request) throws IOException {
        send(request.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request and waits (up to 10 s) for the reply, {@code null} when none came. */
    default String call(String request) throws IOException {
        send(request);
        byte[] reply = receive(10_000);
        return reply == null ? null : new String(reply, StandardCharsets.UTF_8);
    }

    @Override
    void close() throws IOException;
}
