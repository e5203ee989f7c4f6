package org.evi4j.transport.virtual.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A member's listener: a UDP socket on 127.0.0.1 or an AF_UNIX datagram socket, that may start later than the
 * subscription (its address is known before). Loopback datagrams are queued by the sending call itself, so
 * {@link #poll()} right after a send sees it, or nothing was sent.
 */
final class Listener implements AutoCloseable {

    private final String socket;
    private final Path path;
    private final int port;
    private DatagramSocket bound;

    private Listener(String socket, Path path, int port) {
        this.socket = socket;
        this.path = path;
        this.port = port;
    }

    /** A UDP listener on a port that was free a moment ago; not started. */
    static Listener udp() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return new Listener("udp:127.0.0.1:" + probe.getLocalPort(), null, probe.getLocalPort());
        }
    }

    /** A UNIX listener at that path; not started. */
    static Listener unix(Path path) {
        return new Listener("unix:" + path, path, 0);
    }

    String socket() {
        return socket;
    }

    Listener start() throws IOException {
        if (path != null) {
            AFUNIXDatagramSocket s = AFUNIXDatagramSocket.newInstance();
            s.bind(AFUNIXSocketAddress.of(path));
            bound = s;
        } else {
            bound = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        return this;
    }

    /** The datagram waiting now, as text, or {@code null}. */
    String poll() throws IOException {
        return receive(1);
    }

    /** The next datagram as text, or {@code null} after {@code timeoutMillis}. */
    String receive(int timeoutMillis) throws IOException {
        if (bound == null) {
            return null;
        }
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        bound.setSoTimeout(timeoutMillis);
        try {
            bound.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(Arrays.copyOf(buffer, packet.getLength()), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (bound != null) {
            bound.close();
            bound = null;
        }
        if (path != null) {
            Files.deleteIfExists(path);
        }
    }
}
