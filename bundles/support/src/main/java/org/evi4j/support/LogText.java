package org.evi4j.support;

/**
 * Makes text that came from outside (a socket string, an event name, a transport's error about them) safe for one
 * log line, a shell line or an error message: secrets masked, control characters and terminal escapes shown as
 * visible escapes, length bounded. Every such site uses these, so the rules live in one place.
 */
public final class LogText {

    /** The most characters of user text a line quotes; longer text is cut and ends with {@code …}. */
    public static final int MAX_CHARS = 200;
    private static final String MASK = "***";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /** A raw socket string for a log line or a message: password masked, then escaped and bounded. */
    public static String socket(String socket) {
        return escape(maskSocket(socket));
    }

    /**
     * An error message about a raw socket string, for a log line: wherever it quotes the socket or its address
     * unmasked (a third-party transport may), the masked form is put instead; then escaped and bounded.
     */
    public static String message(String message, String socket) {
        if (message == null || socket == null) {
            return escape(message);
        }
        String masked = message;
        String maskedSocket = maskSocket(socket);
        if (!maskedSocket.equals(socket)) {
            masked = masked.replace(socket, maskedSocket);
            int colon = socket.indexOf(':');
            String address = colon < 0 ? socket : socket.substring(colon + 1);
            masked = masked.replace(address, maskAddress(address));
        }
        return escape(masked);
    }

    /**
     * A raw socket string ({@code scheme:address}) with the password its address may hold replaced by {@code ***}:
     * the scheme is kept, the address goes through {@link #maskAddress}. A bare path has no scheme.
     */
    public static String maskSocket(String socket) {
        if (socket == null) {
            return null;
        }
        int colon = socket.indexOf(':');
        if (socket.startsWith("/") || colon < 0) {
            return maskAddress(socket);
        }
        return socket.substring(0, colon + 1) + maskAddress(socket.substring(colon + 1));
    }

    /**
     * An address (without the scheme) with what may be a password replaced by {@code ***}: from its first ':' to its
     * last '@' ({@code user:password@host}), wider than the password when a later part holds an '@', never
     * narrower, even in text that does not parse.
     */
    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        int colon = address.indexOf(':');
        int at = address.lastIndexOf('@');
        return colon >= 0 && colon < at ? address.substring(0, colon + 1) + MASK + address.substring(at) : address;
    }

    /**
     * Text for one log line: backslash, control characters (C0, DEL, C1 such as the terminal's CSI) and the Unicode
     * line and paragraph separators written as visible escapes (backslash n, backslash x1b, backslash u2028), cut
     * after {@value #MAX_CHARS} characters of input with {@code …}. {@code null} stays {@code "null"}.
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            append(out, text.charAt(i));
        }
        if (text.length() > MAX_CHARS) {
            out.append('…');
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                    out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                } else if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                        || (c >= '\u2066' && c <= '\u2069')) {
                    out.append("\\u").append(Integer.toHexString(c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
