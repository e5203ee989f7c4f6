package org.evi4j.evimi.internal;

/**
 * The character level of {@link JsonParser}: a position in the text, whitespace, punctuation and strings with
 * their escapes (an escaped high surrogate must be followed by an escaped low one). Not thread-safe.
 */
abstract class JsonCursor {

    final String text;
    int pos;

    JsonCursor(String text) {
        this.text = text;
    }

    final String string() {
        int start = ++pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(new StringBuilder().append(text, start, pos));
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            pos++;
        }
        throw error("unterminated string");
    }

    /** The slow path of {@link #string()}, from the first backslash on. */
    private String escapedString(StringBuilder out) {
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20) {
                pos--;
                throw error("control character in string");
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private void escape(StringBuilder out) {
        char c = peek();
        pos++;
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> unicode(out);
            default -> {
                pos--;
                throw error("bad escape");
            }
        }
    }

    /** {@code \}{@code uXXXX}; a high surrogate must be followed by an escaped low one. */
    private void unicode(StringBuilder out) {
        char c = hex4();
        if (Character.isLowSurrogate(c)) {
            throw error("lone low surrogate");
        }
        if (Character.isHighSurrogate(c)) {
            if (!text.startsWith("\\u", pos)) {
                throw error("high surrogate without low surrogate");
            }
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
                throw error("high surrogate without low surrogate");
            }
            out.append(c).append(low);
        } else {
            out.append(c);
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("short unicode escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                pos--;
                throw error("bad hex digit");
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    final void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    final char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    final boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    final void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    final IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bad JSON at offset " + pos + ": " + what);
    }
}
