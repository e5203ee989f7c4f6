package org.evi4j.launcher.internal.cli;

import java.io.IOException;

import org.evi4j.support.net.SocketName;

/** Opens client endpoints of the right kind for a socket string. */
public final class Endpoints {

    private Endpoints() {
    }

    /** An endpoint that talks to {@code peer} and receives its replies (bound to a temporary address). */
    public static Endpoint connectedTo(SocketName peer) throws IOException {
        return peer.isUnix() ? UnixEndpoint.connectedTo(peer) : UdpEndpoint.connectedTo(peer);
    }

    /** An endpoint bound to {@code local}, for receiving. */
    public static Endpoint bound(SocketName local) throws IOException {
        return local.isUnix() ? UnixEndpoint.bound(local) : UdpEndpoint.bound(local);
    }
}
