package org.evi4j.transport.unix.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A test-side AF_UNIX datagram receiver bound to a path (keep it short: 107 bytes at most). Every receive is bounded
 * by a timeout. Reusable by other modules' tests that have junixsocket on their test class path.
 */
final class UnixDatagramPeer implements AutoCloseable {

    private final Path path;
    private final AFUNIXDatagramSocket socket;
    private final byte[] buffer = new byte[70_000];

    UnixDatagramPeer(Path path) throws IOException {
        this.path = path;
        this.socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(AFUNIXSocketAddress.of(path));
        socket.setSoTimeout(5_000);
    }

    Path path() {
        return path;
    }

    /** The next datagram's bytes; throws {@link SocketTimeoutException} after 5 s without one. */
    byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** Closes the socket and, unless asked to leave a stale socket file behind, deletes its path. */
    void close(boolean deletePath) throws IOException {
        socket.close();
        if (deletePath) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public void close() throws IOException {
        close(true);
    }
}
