package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;

import org.evi4j.support.net.SocketName;
import org.evi4j.support.unix.UnixSocketFile;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** An AF_UNIX datagram endpoint (junixsocket); its socket file is removed when it is closed. */
final class UnixEndpoint extends DatagramEndpoint {

    private final Object identity;

    private UnixEndpoint(AFUNIXDatagramSocket socket, SocketName local, Object identity) {
        super(socket, local);
        this.identity = identity;
    }

    /**
     * A socket bound to a fresh temporary path (the server replies to the request's source address, so an
     * unbound client would get no reply), connected to the peer.
     */
    static UnixEndpoint connectedTo(SocketName peer) throws IOException {
        UnixEndpoint endpoint = bound(SocketName.unix(temporaryPath()));
        try {
            // our own socket file tells who we are
            int ownUid = TrustedSocket.intAttribute(endpoint.local().path(), "unix:uid");
            Object trusted = TrustedSocket.check(peer.path(), ownUid);
            try {
                endpoint.socket.connect(AFUNIXSocketAddress.of(peer.path()));
            } catch (IOException e) {
                throw new IOException("cannot reach " + peer + ": " + e.getMessage(), e);
            }
            if (!trusted.equals(TrustedSocket.identity(peer.path()))) {
                throw new IOException("refusing MI socket " + peer.path() + ": it was replaced while connecting");
            }
            return endpoint;
        } catch (IOException | RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }

    /**
     * A socket bound to {@code local}. A stale socket file there is replaced; anything else (a live socket, a
     * regular file, a symbolic or hard link) is refused.
     */
    static UnixEndpoint bound(SocketName local) throws IOException {
        Path path = local.path();
        UnixSocketFile.clearStale(path);
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance();
        try {
            socket.bind(AFUNIXSocketAddress.of(path));
            return new UnixEndpoint(socket, local, UnixSocketFile.identity(path));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot bind " + local + ": " + e.getMessage(), e);
        }
    }

    private static Path temporaryPath() {
        String name = "evi4j-cli-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + ".sock";
        Path inTmpDir = Paths.get(System.getProperty("java.io.tmpdir"), name).toAbsolutePath();
        boolean fits = inTmpDir.toString().getBytes(StandardCharsets.UTF_8).length <= SocketName.MAX_UNIX_PATH_BYTES;
        return fits ? inTmpDir : Paths.get("/tmp", name);
    }

    /** Closes the socket and removes its file, unless someone else's file has taken its place. */
    @Override
    public void close() {
        super.close();
        UnixSocketFile.remove(local().path(), identity);
    }
}
