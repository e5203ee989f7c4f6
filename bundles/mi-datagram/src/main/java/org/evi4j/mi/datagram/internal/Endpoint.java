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

    /** Whether {@link #poll} works here; a reader that may not poll only ever waits in {@link #receive}. */
    default boolean canPoll() {
        return false;
    }

    /**
     * Appends a datagram that is already waiting, without waiting for one; as {@link #receive} otherwise. Only the
     * thread that receives may poll: the two may switch the socket between blocking and non-blocking.
     *
     * @return the sender, or {@code null} when nothing was waiting (nothing was appended) or the sender has no
     *         address
     * @throws UnsupportedOperationException when {@link #canPoll} is {@code false}
     */
    default SocketAddress poll(ByteBuffer request) throws IOException {
        throw new UnsupportedOperationException("this endpoint does not poll");
    }

    /**
     * Sends the reply, from position to limit, to a request's sender.
     *
     * @return whether it was sent; {@code false} when the client's queue stayed full for {@code socket_timeout}
     *         (UNIX), or the socket's send buffer was full while the channel {@link #poll polls} (UDP)
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
