package org.evi4j.launcher.internal.cli;

import java.io.Closeable;
import java.io.IOException;

import org.evi4j.support.net.SocketName;

/** A client datagram socket, UDP or UNIX: sends to the peer it was opened for, receives with a timeout. */
public interface Endpoint extends Closeable {

    /** Sends one datagram to the peer. */
    void send(byte[] data, int length) throws IOException;

    /**
     * Waits for one datagram.
     *
     * @return its length (bytes past {@code buffer.length} are lost)
     * @throws java.net.SocketTimeoutException when none came within {@code timeoutMillis}
     */
    int receive(byte[] buffer, int timeoutMillis) throws IOException;

    /** Where this socket is bound (the actual port of a UDP socket bound to port 0). */
    SocketName local();

    /** Closes the socket; a UNIX socket's file is removed. */
    @Override
    void close();
}
