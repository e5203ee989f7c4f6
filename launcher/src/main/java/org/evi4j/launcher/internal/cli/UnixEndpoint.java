package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** An AF_UNIX datagram endpoint (junixsocket); its socket file is removed when it is closed. */
final class UnixEndpoint extends DatagramEndpoint {

    private UnixEndpoint(AFUNIXDatagramSocket socket, SocketSpec local) {
        super(socket, local);
    }

    /**
     * A socket bound to a fresh temporary path (the server replies to the request's source address, so an
     * unbound client would get no reply), connected to the peer.
     */
    static UnixEndpoint connectedTo(SocketSpec peer) throws IOException {
        UnixEndpoint endpoint = bound(SocketSpec.unix(temporaryPath()));
        try {
            endpoint.socket.connect(AFUNIXSocketAddress.of(peer.path()));
        } catch (IOException e) {
            endpoint.close();
            throw new IOException("cannot reach " + peer + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    /** A socket bound to {@code local}; a stale socket file there is replaced, any other file is refused. */
    static UnixEndpoint bound(SocketSpec local) throws IOException {
        Path path = local.path();
        removeStaleSocket(path);
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance();
        try {
            socket.bind(AFUNIXSocketAddress.of(path));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot bind " + local + ": " + e.getMessage(), e);
        }
        return new UnixEndpoint(socket, local);
    }

    private static void removeStaleSocket(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException(path + " exists and is not a socket; not replacing it");
        }
        Files.delete(path);
    }

    private static Path temporaryPath() {
        String name = "evi4j-cli-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + ".sock";
        Path inTmpDir = Paths.get(System.getProperty("java.io.tmpdir"), name).toAbsolutePath();
        boolean fits = inTmpDir.toString().getBytes(StandardCharsets.UTF_8).length <= SocketSpec.MAX_UNIX_PATH;
        return fits ? inTmpDir : Paths.get("/tmp", name);
    }

    @Override
    public void close() {
        super.close();
        try {
            Files.deleteIfExists(local().path());
        } catch (IOException e) {
            // a socket file left in a temporary folder is harmless; nothing else to do here
        }
    }
}
