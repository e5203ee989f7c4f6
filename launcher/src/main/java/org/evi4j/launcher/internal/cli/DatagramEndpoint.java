package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

/** An endpoint on a {@link DatagramSocket}: a UDP one, or junixsocket's AF_UNIX subclass. */
abstract class DatagramEndpoint implements Endpoint {

    final DatagramSocket socket;
    private final SocketSpec local;

    DatagramEndpoint(DatagramSocket socket, SocketSpec local) {
        this.socket = socket;
        this.local = local;
    }

    @Override
    public final void send(byte[] data, int length) throws IOException {
        socket.send(new DatagramPacket(data, length));
    }

    @Override
    public final int receive(byte[] buffer, int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return packet.getLength();
    }

    @Override
    public final SocketSpec local() {
        return local;
    }

    @Override
    public void close() {
        socket.close();
    }
}
