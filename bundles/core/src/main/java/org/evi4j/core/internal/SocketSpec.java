package org.evi4j.core.internal;

import org.evi4j.api.InvalidSubscriptionException;

/**
 * A socket string taken apart: {@code scheme:address[;encoder=NAME]}, or a bare absolute path for the {@code unix}
 * scheme. The address is checked later by the transport of the scheme.
 *
 * @param scheme  the text before the first {@code :} ({@code unix} for a bare path)
 * @param address the rest, as given to {@code EventTransport.parse}
 * @param encoder the encoder the subscriber chose, or {@code null}
 */
record SocketSpec(String scheme, String address, String encoder) {

    static final String UNIX = "unix";
    private static final String ENCODER_OPTION = "encoder=";

    /**
     * Parses a socket string.
     *
     * @throws InvalidSubscriptionException when it is empty, has no scheme, or has an option other than encoder
     */
    static SocketSpec parse(String socket) {
        if (socket == null || socket.isEmpty()) {
            throw new InvalidSubscriptionException("socket is empty");
        }
        int semi = socket.indexOf(';');
        String main = semi < 0 ? socket : socket.substring(0, semi);
        String encoder = semi < 0 ? null : encoderOption(socket, socket.substring(semi + 1));
        if (main.startsWith("/")) {
            return new SocketSpec(UNIX, main, encoder);
        }
        int colon = main.indexOf(':');
        if (colon <= 0) {
            throw new InvalidSubscriptionException("socket '" + socket
                    + "' has no scheme (expected scheme:address, e.g. udp:127.0.0.1:8081, or an absolute path)");
        }
        return new SocketSpec(main.substring(0, colon), main.substring(colon + 1), encoder);
    }

    private static String encoderOption(String socket, String options) {
        String encoder = null;
        for (String option : options.split(";", -1)) {
            if (!option.startsWith(ENCODER_OPTION)) {
                throw new InvalidSubscriptionException("unknown socket option '" + option + "' in '" + socket
                        + "' (the only option is encoder=NAME)");
            }
            encoder = option.substring(ENCODER_OPTION.length()).trim();
            if (encoder.isEmpty()) {
                throw new InvalidSubscriptionException("empty encoder name in '" + socket + "'");
            }
        }
        return encoder;
    }

    /** The canonical text of a subscriber: {@code scheme:address}. */
    static String key(String scheme, String canonicalAddress) {
        return scheme + ':' + canonicalAddress;
    }
}
