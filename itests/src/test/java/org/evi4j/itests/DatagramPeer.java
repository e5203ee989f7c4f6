package org.evi4j.itests;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One bound datagram socket of a test: an event listener, or an MI client. Addresses are socket strings as evi4j
 * writes them ({@code udp:127.0.0.1:PORT}, {@code unix:/path}), so that a test can send to an MI socket by its
 * {@code socket_name} and subscribe a listener by its {@link #socketString()}.
 */
interface DatagramPeer extends Closeable {

    /** The largest datagram the peers receive whole: one more than evi4j ever sends, to catch oversize. */
    int RECEIVE_BUFFER = 65536;

    /** This socket's own address, as a subscriber socket string. */
    String socketString();

    /** Sends one datagram to a socket string of this peer's scheme. */
    void sendTo(String socketString, byte[] datagram) throws IOException;

    /** The next datagram received, or {@code null} when none came within {@code timeoutMillis} (at least 1). */
    byte[] receive(int timeoutMillis) throws IOException;

    /**
     * Sends a request and waits for the reply: {@link #sendTo} then {@link #receive}.
     *
     * @return the reply, or {@code null} when none came within {@code timeoutMillis}
     */
    default byte[] exchange(String socketString, byte[] request, int timeoutMillis) throws IOException {
        sendTo(socketString, request);
        return receive(timeoutMillis);
    }

    /** A UDP socket on 127.0.0.1 with an ephemeral port. */
    static DatagramPeer udp() throws IOException {
        return new UdpPeer();
    }

    /** An AF_UNIX datagram socket (junixsocket) bound to {@code path}; the file is removed on close. */
    static DatagramPeer unix(Path path) throws IOException {
        return new UnixPeer(path);
    }
}
