package org.evi4j.support.net;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A datagram socket as MI configurations and the command line name it: {@code udp:HOST:PORT} (an IPv6 literal in
 * brackets, a host name, port 0 = any free port when binding) or an absolute UNIX socket path, with or without
 * {@code unix:}. Host names are resolved when the socket is used, not here.
 *
 * @param host the UDP host (no brackets), or {@code null} for a UNIX socket
 * @param port the UDP port, 0 for a UNIX socket
 * @param path the UNIX socket path, or {@code null} for UDP
 */
public record SocketName(String host, int port, Path path) {

    /** The longest UNIX socket path in bytes: {@code sizeof(sun_path)} (108 on Linux) less the terminating NUL. */
    public static final int MAX_UNIX_PATH_BYTES = 107;

    private static final String UDP = "udp:";
    private static final String UNIX = "unix:";

    /**
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static SocketName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a socket is required (udp:HOST:PORT or a UNIX socket path)");
        }
        String s = text.strip();
        if (s.startsWith(UDP)) {
            return udp(s);
        }
        String path = s.startsWith(UNIX) ? s.substring(UNIX.length()) : s;
        if (!path.startsWith("/")) {
            throw bad(s, "expected udp:HOST:PORT or an absolute UNIX socket path ([unix:]/path)");
        }
        return new SocketName(null, 0, checkedUnixPath(path));
    }

    /** A UNIX socket at that path (made absolute). */
    public static SocketName unix(Path path) {
        return new SocketName(null, 0, checkedUnixPath(path.toAbsolutePath().toString()));
    }

    /**
     * Checks the length of a UNIX socket path.
     *
     * @throws IllegalArgumentException when it is longer than {@value #MAX_UNIX_PATH_BYTES} bytes or holds a NUL
     */
    public static Path checkedUnixPath(String path) {
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("UNIX socket path '" + path + "' contains a NUL character");
        }
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UNIX_PATH_BYTES) {
            throw new IllegalArgumentException("UNIX socket path '" + path + "' is " + bytes + " bytes long; at most "
                    + MAX_UNIX_PATH_BYTES + " bytes are allowed");
        }
        return Path.of(path);
    }

    private static SocketName udp(String s) {
        String rest = s.substring(UDP.length());
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                throw bad(s, "an IPv6 address in brackets must be followed by :PORT");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw bad(s, "the port is missing");
            }
            host = rest.substring(0, colon);
            port = rest.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw bad(s, "write an IPv6 address in brackets, e.g. udp:[::1]:8080");
            }
        }
        if (host.isEmpty()) {
            throw bad(s, "the host is missing");
        }
        return new SocketName(host, parsePort(s, port), null);
    }

    private static int parsePort(String s, String port) {
        int value = -1;
        if (!port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            value = Integer.parseInt(port);
        }
        if (value < 0 || value > 65535) {
            throw bad(s, "the port must be a number from 0 to 65535");
        }
        return value;
    }

    private static IllegalArgumentException bad(String s, String why) {
        return new IllegalArgumentException("socket '" + s + "': " + why);
    }

    public boolean isUdp() {
        return path == null;
    }

    public boolean isUnix() {
        return path != null;
    }

    /** The UDP address, resolving the host name (unresolved when that fails). */
    public InetSocketAddress inet() {
        return new InetSocketAddress(host, port);
    }

    /** The same UDP socket on another port (the one actually bound). */
    public SocketName withPort(int newPort) {
        return new SocketName(host, newPort, null);
    }

    /** The canonical text: {@code udp:127.0.0.1:8080}, {@code udp:[::1]:8080}, {@code unix:/path}. */
    @Override
    public String toString() {
        if (isUnix()) {
            return UNIX + path;
        }
        return host.indexOf(':') >= 0 ? UDP + "[" + host + "]:" + port : UDP + host + ":" + port;
    }
}
