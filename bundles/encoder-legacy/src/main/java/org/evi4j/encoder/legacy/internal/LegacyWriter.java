package org.evi4j.encoder.legacy.internal;

import java.util.Arrays;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;

/**
 * Writes events in the legacy text form for one thread, straight into a reused buffer as UTF-8. Not
 * thread-safe. Unpaired surrogates become {@code ?}, as {@code String.getBytes(UTF_8)} does.
 */
final class LegacyWriter {

    private static final int INITIAL_CAPACITY = 512;
    private static final int RETAINED_CAPACITY = 128 * 1024;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private char[] chars = new char[INITIAL_CAPACITY];
    private int pos;

    /** The event's datagram: name, one line per parameter, an empty line. */
    byte[] write(Event event) {
        pos = 0;
        if (buf.length > RETAINED_CAPACITY || chars.length > RETAINED_CAPACITY) {
            buf = new byte[INITIAL_CAPACITY];
            chars = new char[INITIAL_CAPACITY];
        }
        writeText(event.name(), false);
        writeByte('\n');
        List<EventParam> params = event.params();
        for (int i = 0, n = params.size(); i < n; i++) {
            writeParam(params.get(i));
            writeByte('\n');
        }
        writeByte('\n');
        return Arrays.copyOf(buf, pos);
    }

    private void writeParam(EventParam p) {
        String name = p.name();
        if (name != null && !name.isEmpty()) {
            writeText(name, false);
            ensure(2);
            buf[pos++] = ':';
            buf[pos++] = ':';
        }
        switch (p.type()) {
            case STRING -> writeValue(p.stringValue());
            case INT -> writeInt(p.intValue());
            default -> {
                // null is written as nothing, like an empty string
            }
        }
    }

    /** A value with a line feed is quoted with each {@code "} escaped; any other goes out verbatim. */
    private void writeValue(String value) {
        if (value.isEmpty()) {
            return;
        }
        if (value.indexOf('\n') < 0) {
            writeText(value, false);
        } else {
            writeByte('"');
            writeText(value, true);
            writeByte('"');
        }
    }

    /** Signed decimal (OpenSIPS printed negatives as uint64: a bug, SPEC section 7). */
    private void writeInt(int value) {
        ensure(11);
        long v = value;
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos = end;
    }

    private void writeText(String s, boolean escapeQuotes) {
        int n = s.length();
        // a char never takes more than 3 bytes, nor does an escaped quote; a surrogate pair takes 4 for 2 chars
        ensure(3L * n);
        // a bulk copy to a char[] then a plain array loop beats charAt's per-char checks
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                if (escapeQuotes && c == '"') {
                    b[p++] = '\\';
                }
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                p = put3(b, p, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                p = put4(b, p, Character.toCodePoint(c, cs[++i]));
            } else {
                b[p++] = '?';
            }
        }
        pos = p;
    }

    private static int put3(byte[] b, int p, char c) {
        b[p] = (byte) (0xE0 | c >> 12);
        b[p + 1] = (byte) (0x80 | c >> 6 & 0x3F);
        b[p + 2] = (byte) (0x80 | c & 0x3F);
        return p + 3;
    }

    private static int put4(byte[] b, int p, int cp) {
        b[p] = (byte) (0xF0 | cp >> 18);
        b[p + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[p + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[p + 3] = (byte) (0x80 | cp & 0x3F);
        return p + 4;
    }

    private void writeByte(char c) {
        ensure(1);
        buf[pos++] = (byte) c;
    }

    private void ensure(long more) {
        long needed = pos + more;
        if (needed > buf.length) {
            if (needed > MAX_CAPACITY) {
                throw new IllegalArgumentException("event too large to encode: over " + MAX_CAPACITY + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(MAX_CAPACITY, Math.max(needed, buf.length * 2L)));
        }
    }
}
