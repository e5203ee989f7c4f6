package org.evi4j.transport.rabbitmq.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The {@code %XX} escapes of RabbitMQ socket strings, which OpenSIPS decodes in every part: they let a user name,
 * password, exchange or routing key hold the characters that separate the parts. Canonical addresses escape exactly
 * the characters that would otherwise be read as separators, plus spaces and control characters.
 */
final class PercentCoding {

    /** Escaped in a user name or password: the separators of {@code user:password@host}. */
    static final String USER_INFO = "%:@/";
    /** Escaped in an exchange name, which ends at {@code ;} or {@code ?}. */
    static final String EXCHANGE = "%;?";
    /** Escaped in a routing key: a {@code ?} would be read as the end of the parameters. */
    static final String ROUTING_KEY = "%?";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {
    }

    /**
     * Decodes the {@code %XX} escapes of one part, as UTF-8.
     *
     * @return the decoded text, or {@code null} when an escape is malformed, the bytes are not UTF-8 or the text
     *         holds a lone surrogate (which has no UTF-8 form to write back)
     */
    static String decode(String part) {
        if (!wellFormed(part)) {
            return null;
        }
        if (part.indexOf('%') < 0) {
            return part;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        int plain = 0;
        for (int i = part.indexOf('%'); i >= 0; i = part.indexOf('%', plain)) {
            if (i + 2 >= part.length()) {
                return null;
            }
            int high = Character.digit(part.charAt(i + 1), 16);
            int low = Character.digit(part.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.writeBytes(part.substring(plain, i).getBytes(StandardCharsets.UTF_8));
            bytes.write(high << 4 | low);
            plain = i + 3;
        }
        bytes.writeBytes(part.substring(plain).getBytes(StandardCharsets.UTF_8));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Escapes the characters of {@code reserved}, spaces and control characters, as UTF-8 {@code %XX}. */
    static String encode(String text, String reserved) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c <= ' ' || c == 0x7f || reserved.indexOf(c) >= 0;
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escape) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
