package org.evi4j.mi.datagram.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A parsed {@code socket_name}: {@code udp:HOST:PORT} (IPv6 literal in brackets) or a UNIX socket path, with or
 * without {@code unix:}. Host names are resolved when the socket is bound, not here.
 *
 * @param host the UDP host, or {@code null} for a UNIX socket
 * @param port the UDP port (0 = any free port)
 * @param path the UNIX socket path, or {@code null} for UDP
 */
record SocketName(String host, int port, Path path) {

    /** The longest UNIX socket path ({@code sizeof(sun_path)} less the terminating NUL). */
    static final int MAX_PATH_BYTES = 107;

    private static final String UDP = "udp:";
    private static final String UNIX = "unix:";

    boolean isUdp() {
        return path == null;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static SocketName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("socket_name is required (udp:HOST:PORT or a UNIX socket path)");
        }
        String s = text.strip();
        if (s.startsWith(UDP)) {
            return udp(s);
        }
        return unix(s, s.startsWith(UNIX) ? s.substring(UNIX.length()) : s);
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

    private static SocketName unix(String s, String path) {
        if (!path.startsWith("/")) {
            throw bad(s, "expected udp:HOST:PORT or an absolute UNIX socket path ([unix:]/path)");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw bad(s, "a UNIX socket path may have at most " + MAX_PATH_BYTES + " bytes");
        }
        return new SocketName(null, 0, Path.of(path));
    }

    private static IllegalArgumentException bad(String s, String why) {
        return new IllegalArgumentException("socket_name '" + s + "': " + why);
    }
}
