package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/** A bound datagram socket the readers share: receive requests, send replies, close. Thread-safe. */
interface Endpoint extends AutoCloseable {

    /**
     * Waits for one datagram and appends it to the buffer (a longer one is cut to the buffer's room).
     *
     * @return the sender, or {@code null} when the sender has no address (an unbound UNIX client), when the wait
     *         timed out (nothing was appended), or when the endpoint was closed
     * @throws java.nio.channels.ClosedChannelException once the endpoint is closed
     */
    SocketAddress receive(ByteBuffer request) throws IOException;

    /**
     * Sends the reply, from position to limit, to a request's sender.
     *
     * @return whether it was sent; {@code false} when the client's queue stayed full for {@code socket_timeout}
     * @throws IOException when it cannot be sent (the client is gone)
     */
    boolean reply(ByteBuffer reply, SocketAddress to) throws IOException;

    /** Whether the sender may use this endpoint. */
    boolean allows(SocketAddress source);

    boolean isOpen();

    /** The bound socket as {@code udp:HOST:PORT} or {@code unix:PATH}. */
    String name();

    /** The bound address. */
    SocketAddress localAddress();

    /** Closes the socket (waking the readers) and removes what it created. Never throws. */
    @Override
    void close();
}
