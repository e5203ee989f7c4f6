package org.evi4j.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.evi4j.testkit.EmptyDatagrams;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * An AF_UNIX datagram {@link DatagramPeer} through junixsocket, loaded from the package the transport-unix bundle
 * exports: using it inside the framework is itself the proof that junixsocket's native library loads in OSGi.
 */
final class UnixPeer implements DatagramPeer {

    private static final String SCHEME = "unix:";

    private final Path path;
    private final AFUNIXDatagramSocket socket;
    private final byte[] buffer = new byte[RECEIVE_BUFFER];

    UnixPeer(Path path) throws IOException {
        this.path = path;
        socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(AFUNIXSocketAddress.of(path));
    }

    @Override
    public String socketString() {
        return SCHEME + path;
    }

    /**
     * Sends the datagram; an empty one through junixsocket's native send on a connected socket, since its public
     * send calls skip an empty buffer (a client in C, Python or socat sends one).
     */
    @Override
    public void sendTo(String socketString, byte[] datagram) throws IOException {
        String target = socketString.startsWith(SCHEME) ? socketString.substring(SCHEME.length()) : socketString;
        AFUNIXSocketAddress to = AFUNIXSocketAddress.of(Paths.get(target));
        if (datagram.length == 0) {
            socket.connect(to);
            try {
                EmptyDatagrams.send(socket.getFileDescriptor(), AFUNIXDatagramSocket.class.getClassLoader());
            } finally {
                socket.disconnect();
            }
            return;
        }
        // DatagramPacket refuses an AFUNIXSocketAddress as "unresolved" (TOOLCHAIN G2): pass the wrapped form
        socket.send(new DatagramPacket(datagram, datagram.length, to.wrapAddress(), 0));
    }

    @Override
    public byte[] receive(int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOfRange(buffer, packet.getOffset(), packet.getOffset() + packet.getLength());
    }

    @Override
    public void close() throws IOException {
        socket.close();
        Files.deleteIfExists(path);
    }

    @Override
    public String toString() {
        return socketString();
    }
}
