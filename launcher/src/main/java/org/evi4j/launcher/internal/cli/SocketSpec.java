package org.evi4j.launcher.internal.cli;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A datagram socket as the command line names it: {@code udp:HOST:PORT}, {@code udp:[IPv6]:PORT},
 * {@code unix:/path} or a bare absolute {@code /path} (the socket strings of SPEC section 4, without
 * {@code ;encoder=}).
 *
 * @param host the host of a UDP socket (no brackets), else {@code null}
 * @param port the port of a UDP socket (0 = any, for binding), else 0
 * @param path the path of a UNIX socket, else {@code null}
 */
public record SocketSpec(String host, int port, Path path) {

    /** The longest AF_UNIX path, in bytes. */
    public static final int MAX_UNIX_PATH = 107;

    /**
     * Parses a socket string.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static SocketSpec parse(String text) {
        if (text.startsWith("/")) {
            return unix(text);
        }
        if (text.startsWith("unix:")) {
            return unix(text.substring(5));
        }
        if (text.startsWith("udp:")) {
            return udp(text.substring(4), text);
        }
        throw new IllegalArgumentException("bad socket '" + text + "': expected udp:HOST:PORT or unix:/path");
    }

    /** A UNIX socket at that path. */
    public static SocketSpec unix(Path path) {
        return unix(path.toAbsolutePath().toString());
    }

    private static SocketSpec unix(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("bad UNIX socket '" + path + "': the path must be absolute");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_UNIX_PATH) {
            throw new IllegalArgumentException("UNIX socket path longer than " + MAX_UNIX_PATH + " bytes: " + path);
        }
        return new SocketSpec(null, 0, Paths.get(path));
    }

    private static SocketSpec udp(String rest, String text) {
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad socket '" + text + "': expected udp:HOST:PORT");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw new IllegalArgumentException("bad socket '" + text + "': unclosed IPv6 bracket");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bad socket '" + text + "': write IPv6 hosts in brackets");
        }
        return new SocketSpec(host, port(rest.substring(colon + 1), text), null);
    }

    private static int port(String digits, String text) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 0 && port <= 65535 && !digits.startsWith("+")) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port in socket '" + text + "'");
    }

    public boolean isUnix() {
        return path != null;
    }

    /** The UDP address, resolving the host name. */
    public InetSocketAddress inet() {
        return new InetSocketAddress(host, port);
    }

    /** The same UDP socket on another port (the one actually bound). */
    public SocketSpec withPort(int newPort) {
        return new SocketSpec(host, newPort, null);
    }

    /** The canonical text: {@code udp:127.0.0.1:8080}, {@code udp:[::1]:8080}, {@code unix:/path}. */
    @Override
    public String toString() {
        if (isUnix()) {
            return "unix:" + path;
        }
        return host.indexOf(':') >= 0 ? "udp:[" + host + "]:" + port : "udp:" + host + ":" + port;
    }
}
