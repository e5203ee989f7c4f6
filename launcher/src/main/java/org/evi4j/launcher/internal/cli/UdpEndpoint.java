package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import org.evi4j.support.net.SocketName;

/** A UDP endpoint on a {@link DatagramSocket}. */
final class UdpEndpoint extends DatagramEndpoint {

    private UdpEndpoint(DatagramSocket socket, SocketName local) {
        super(socket, local);
    }

    /** A socket on an ephemeral port, connected to the peer (so that ICMP "port unreachable" is reported). */
    static UdpEndpoint connectedTo(SocketName peer) throws IOException {
        InetSocketAddress address = resolved(peer);
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.connect(address);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return new UdpEndpoint(socket, new SocketName(socket.getLocalAddress().getHostAddress(),
                socket.getLocalPort(), null));
    }

    /** A socket bound to {@code local} (port 0: any free port). */
    static UdpEndpoint bound(SocketName local) throws IOException {
        DatagramSocket socket = new DatagramSocket(resolved(local));
        return new UdpEndpoint(socket, local.withPort(socket.getLocalPort()));
    }

    private static InetSocketAddress resolved(SocketName spec) throws IOException {
        InetSocketAddress address = spec.inet();
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve host '" + spec.host() + "'");
        }
        return address;
    }
}
