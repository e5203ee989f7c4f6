package org.evi4j.transport.udp.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** A test-side UDP receiver on an ephemeral loopback port; every receive is bounded by a timeout. */
final class UdpReceiver implements AutoCloseable {

    private final DatagramSocket socket;
    private final byte[] buffer = new byte[70_000];
    private InetAddress lastSender;

    UdpReceiver(String host) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
        socket.setSoTimeout(5_000);
        socket.setReceiveBufferSize(1 << 20);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next datagram's bytes; fails after 5 s without one. */
    byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        lastSender = packet.getAddress();
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    InetAddress lastSender() {
        return lastSender;
    }

    @Override
    public void close() {
        socket.close();
    }
}
