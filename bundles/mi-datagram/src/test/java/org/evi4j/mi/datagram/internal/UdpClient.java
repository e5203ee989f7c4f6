package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** A UDP MI client for the tests, bound to an ephemeral port of the server's address family. */
final class UdpClient implements MiClient {
    private final DatagramSocket socket;
    private final SocketAddress server;
    private final byte[] buffer = new byte[70_000];

    UdpClient(SocketAddress server) throws IOException {
        this.server = server;
        InetAddress host = ((InetSocketAddress) server).getAddress();
        this.socket = new DatagramSocket(new InetSocketAddress(host, 0));
        socket.setSoTimeout(10_000);
    }

    @Override
    public void send(byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, server));
    }

    @Override
    public byte[] receive(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }
}
