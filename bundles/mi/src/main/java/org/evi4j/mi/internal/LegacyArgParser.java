package org.evi4j.mi.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.mi.MiValue;

/**
 * Parses the arguments of a legacy text request exactly as OpenSIPS 2.4's {@code mi_datagram_parse_node}
 * (OPENSIPS-REFERENCE 4.2): one per line, blank lines skipped, {@code name::} prefixes dropped, values trimmed,
 * quoted values with {@code \"} and raw line feeds, and its parse-error quirks ({@code ""}, {@code "\"lead"}).
 */
final class LegacyArgParser {

    private LegacyArgParser() {
    }

    /** The argument values of {@code bytes[pos..end)}, or {@code null} for a parse error. */
    static List<MiValue> parse(byte[] bytes, int pos, int end) {
        List<MiValue> args = new ArrayList<>();
        while (true) {
            while (pos < end && isSpace(bytes[pos])) {
                pos++;
            }
            if (pos >= end) {
                return args;
            }
            int eol = indexOf(bytes, (byte) '\n', pos, end);
            int start = valueStart(bytes, pos, eol);
            if (start < 0) {
                return null;
            }
            if (start < eol && bytes[start] == '"') {
                int close = closingQuote(bytes, start, end);
                pos = close < 0 ? -1 : afterQuote(bytes, close + 1, end);
                if (pos < 0) {
                    return null;
                }
                args.add(MiValue.of(text(bytes, start + 1, close).replace("\\\"", "\"")));
            } else {
                if (indexOf(bytes, (byte) '"', start, eol) < eol) {
                    return null;
                }
                int stop = eol;
                while (stop > start && isSpace(bytes[stop - 1])) {
                    stop--;
                }
                args.add(MiValue.of(text(bytes, start, stop)));
                pos = eol;
            }
        }
    }

    /** Where the value of a line starts: past {@code name::} and white space, if any; -1 for a quote in a name. */
    private static int valueStart(byte[] bytes, int pos, int eol) {
        int sep = bytes[pos] == '"' ? -1 : indexOfSeparator(bytes, pos, eol);
        if (sep < 0) {
            return pos;
        }
        if (indexOf(bytes, (byte) '"', pos, sep) < sep) {
            return -1;
        }
        int start = sep + 2;
        while (start < eol && isSpace(bytes[start])) {
            start++;
        }
        return start;
    }

    /** The closing quote of the value opened at {@code open}: the next one not after a backslash; -1 if none. */
    private static int closingQuote(byte[] bytes, int open, int end) {
        int first = open + 1;
        if (first >= end || bytes[first] == '"'
                || bytes[first] == '\\' && first + 1 < end && bytes[first + 1] == '"') {
            return -1;
        }
        for (int i = first + 1; i < end; i++) {
            if (bytes[i] == '"' && bytes[i - 1] != '\\') {
                return i;
            }
        }
        return -1;
    }

    /** Where the line after a closing quote ends; -1 when anything but white space follows the quote. */
    private static int afterQuote(byte[] bytes, int pos, int end) {
        for (; pos < end && bytes[pos] != '\n'; pos++) {
            if (!isSpace(bytes[pos])) {
                return -1;
            }
        }
        return pos;
    }

    private static int indexOfSeparator(byte[] bytes, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (bytes[i] == ':' && bytes[i + 1] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** The index of {@code b} in {@code [from, to)}, or {@code to}. */
    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
