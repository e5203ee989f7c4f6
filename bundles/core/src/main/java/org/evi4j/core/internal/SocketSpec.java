package org.evi4j.core.internal;

import java.util.regex.Pattern;

import org.evi4j.api.InvalidSubscriptionException;

/**
 * A socket string taken apart: {@code scheme:address[;encoder=NAME]}, or a bare absolute path for the {@code unix}
 * scheme. Only trailing {@code ;encoder=NAME} segments are the core's option (the last one wins); any other
 * {@code ;} belongs to the address (a broker address has parameters such as {@code exchange=x;persistent}), which
 * the transport of the scheme checks later.
 *
 * @param scheme  the text before the first {@code :} ({@code unix} for a bare path)
 * @param address the rest, as given to {@code EventTransport.parse}
 * @param encoder the encoder the subscriber chose, or {@code null}
 */
record SocketSpec(String scheme, String address, String encoder) {

    static final String UNIX = "unix";
    private static final String ENCODER_OPTION = ";encoder=";
    private static final Pattern ENCODER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * Parses a socket string. Error messages do not repeat the socket: it may hold a password.
     *
     * @throws InvalidSubscriptionException when it is empty, has no scheme, or an empty encoder name
     */
    static SocketSpec parse(String socket) {
        if (socket == null || socket.isEmpty()) {
            throw new InvalidSubscriptionException("socket is empty");
        }
        String main = socket;
        String encoder = null;
        for (int at = main.lastIndexOf(ENCODER_OPTION); at >= 0; at = main.lastIndexOf(ENCODER_OPTION)) {
            String name = main.substring(at + ENCODER_OPTION.length());
            if (name.isEmpty()) {
                throw new InvalidSubscriptionException("empty encoder name in socket option ';encoder='");
            }
            if (!ENCODER_NAME.matcher(name).matches()) {
                break;
            }
            if (encoder == null) {
                encoder = name;
            }
            main = main.substring(0, at);
        }
        if (main.startsWith("/")) {
            return new SocketSpec(UNIX, main, encoder);
        }
        int colon = main.indexOf(':');
        if (colon <= 0) {
            throw new InvalidSubscriptionException("socket has no scheme (expected scheme:address, e.g."
                    + " udp:127.0.0.1:8081, or an absolute path)");
        }
        return new SocketSpec(main.substring(0, colon), main.substring(colon + 1), encoder);
    }

    /** The canonical text of a subscriber: {@code scheme:address}. */
    static String key(String scheme, String canonicalAddress) {
        return scheme + ':' + canonicalAddress;
    }
}
