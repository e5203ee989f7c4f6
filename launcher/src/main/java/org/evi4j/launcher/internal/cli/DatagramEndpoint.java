package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

import org.evi4j.support.net.SocketName;

/** An endpoint on a {@link DatagramSocket}: a UDP one, or junixsocket's AF_UNIX subclass. */
abstract class DatagramEndpoint implements Endpoint {

    final DatagramSocket socket;
    private final SocketName local;

    DatagramEndpoint(DatagramSocket socket, SocketName local) {
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
    public final SocketName local() {
        return local;
    }

    @Override
    public void close() {
        socket.close();
    }
}
