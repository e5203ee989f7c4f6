package org.evi4j.itests;

import java.nio.charset.StandardCharsets;

/** Datagrams shown readably in failure messages. */
final class Texts {

    private Texts() {
    }

    /** The bytes as UTF-8 text in double quotes, control characters escaped; {@code <none>} for null. */
    static String show(byte[] datagram) {
        if (datagram == null) {
            return "<none>";
        }
        String text = new String(datagram, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
