package org.evi4j.evimi.internal;

import org.evi4j.mi.MiValue;

/**
 * A strict RFC 8259 parser from text to {@link MiValue}: one value, optionally surrounded by whitespace. Integers
 * that fit a long stay exact; other numbers are doubles. Nesting is bounded so that hostile input cannot exhaust
 * the stack. Not thread-safe; one instance per text.
 */
final class JsonParser extends JsonCursor {

    /** Deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 512;

    private JsonParser(String text) {
        super(text);
    }

    /**
     * Parses a JSON text.
     *
     * @throws IllegalArgumentException when the text is not exactly one JSON value (the message says where)
     */
    static MiValue parse(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        MiValue value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("trailing characters");
        }
        return value;
    }

    private MiValue value(int depth) {
        switch (peek()) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return MiValue.of(string());
            case 't':
                return literal("true", MiValue.TRUE);
            case 'f':
                return literal("false", MiValue.FALSE);
            case 'n':
                return literal("null", MiValue.NULL);
            default:
                return number();
        }
    }

    private MiValue object(int depth) {
        checkDepth(depth);
        pos++;
        MiValue.ObjectBuilder object = MiValue.object();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object.build();
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("member name expected");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(key, value(depth));
            if (endOfList('}')) {
                return object.build();
            }
        }
    }

    private MiValue array(int depth) {
        checkDepth(depth);
        pos++;
        MiValue.ArrayBuilder array = MiValue.arrayBuilder();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return array.build();
        }
        while (true) {
            skipWhitespace();
            array.add(value(depth));
            if (endOfList(']')) {
                return array.build();
            }
        }
    }

    /** After a member or element: true at the closing bracket, false at a comma. */
    private boolean endOfList(char close) {
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == close) {
            return true;
        }
        if (c != ',') {
            pos--;
            throw error("',' or '" + close + "' expected");
        }
        return false;
    }

    private MiValue number() {
        int start = pos;
        if (peekIs('-')) {
            pos++;
        }
        if (peekIs('0')) {
            pos++;
        } else if (!digits()) {
            throw error(start == pos ? "value expected" : "digit expected");
        }
        boolean integral = true;
        if (peekIs('.')) {
            pos++;
            integral = false;
            requireDigits();
        }
        if (peekIs('e') || peekIs('E')) {
            pos++;
            integral = false;
            if (peekIs('+') || peekIs('-')) {
                pos++;
            }
            requireDigits();
        }
        String literal = text.substring(start, pos);
        if (integral && literal.length() - (literal.charAt(0) == '-' ? 1 : 0) <= 19) {
            try {
                return MiValue.of(Long.parseLong(literal));
            } catch (NumberFormatException e) {
                // beyond the long range: a double, as cJSON reads every number
            }
        }
        return MiValue.of(Double.parseDouble(literal));
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void requireDigits() {
        if (!digits()) {
            throw error("digit expected");
        }
    }

    private MiValue literal(String word, MiValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("value expected");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }
}
