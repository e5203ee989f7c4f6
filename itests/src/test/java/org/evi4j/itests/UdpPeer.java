package org.evi4j.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** A UDP {@link DatagramPeer} on 127.0.0.1, ephemeral port. */
final class UdpPeer implements DatagramPeer {

    private static final String SCHEME = "udp:";

    private final DatagramSocket socket;
    private final byte[] buffer = new byte[RECEIVE_BUFFER];

    UdpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    }

    @Override
    public String socketString() {
        return SCHEME + "127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void sendTo(String socketString, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, address(socketString)));
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

    /** {@code udp:HOST:PORT} (IPv4 or a host name) to a socket address. */
    static InetSocketAddress address(String socketString) {
        if (!socketString.startsWith(SCHEME)) {
            throw new IllegalArgumentException("not a udp: socket string: " + socketString);
        }
        int colon = socketString.lastIndexOf(':');
        return new InetSocketAddress(socketString.substring(SCHEME.length(), colon),
                Integer.parseInt(socketString.substring(colon + 1)));
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return socketString();
    }
}
