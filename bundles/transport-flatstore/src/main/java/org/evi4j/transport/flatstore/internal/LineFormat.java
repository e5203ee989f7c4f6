package org.evi4j.transport.flatstore.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;

/**
 * One event as one flatstore line, as OpenSIPS's {@code flat_raise} writes it: the event name (unless suppressed),
 * then the delimiter and each value (ints in decimal, strings raw, empty and null values as nothing), then LF.
 * Parameter names are never written and nothing but the delimiter is escaped. Built from the event itself, never
 * by changing it: other subscribers of the same raise see the values as raised.
 */
final class LineFormat {

    private final byte[] delimiter;
    private final byte[] escape;
    private final boolean suppressName;

    LineFormat(FlatSettings settings) {
        this.delimiter = settings.delimiter();
        this.escape = settings.escape();
        this.suppressName = settings.suppressName();
    }

    byte[] line(Event event) {
        Line out = new Line(64 + 32 * event.params().size());
        if (!suppressName) {
            out.put(event.name().getBytes(StandardCharsets.UTF_8));
        }
        List<EventParam> params = event.params();
        for (EventParam param : params) {
            // with the name suppressed, OpenSIPS writes no delimiter until some byte has been written
            if (out.size > 0 || !suppressName) {
                out.put(delimiter);
            }
            switch (param.type()) {
                case INT -> out.put(Integer.toString(param.intValue()).getBytes(StandardCharsets.US_ASCII));
                case STRING -> writeValue(out, param.stringValue());
                case NULL -> { }
            }
        }
        out.put((byte) '\n');
        return out.bytes();
    }

    private void writeValue(Line out, String value) {
        if (escape == null && delimiter[0] >= 0) {
            // an ASCII delimiter byte is that char in the string: replace before encoding (the common case)
            out.put(value.replace((char) delimiter[0], ' ').getBytes(StandardCharsets.UTF_8));
        } else {
            writeValue(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Without {@code escape_delimiter}, every byte equal to the delimiter's first byte becomes a space (OpenSIPS's
     * bytes). With it, every whole delimiter becomes the escape (what OpenSIPS documents; its code never does it).
     */
    private void writeValue(Line out, byte[] value) {
        if (escape == null) {
            for (byte b : value) {
                out.put(b == delimiter[0] ? (byte) ' ' : b);
            }
            return;
        }
        int i = 0;
        while (i < value.length) {
            if (startsWithDelimiter(value, i)) {
                out.put(escape);
                i += delimiter.length;
            } else {
                out.put(value[i++]);
            }
        }
    }

    private boolean startsWithDelimiter(byte[] value, int at) {
        if (value.length - at < delimiter.length) {
            return false;
        }
        for (int j = 0; j < delimiter.length; j++) {
            if (value[at + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** A growing byte array, without the locking of a stream. */
    private static final class Line {

        private byte[] buffer;
        private int size;

        Line(int capacity) {
            buffer = new byte[capacity];
        }

        void put(byte b) {
            room(1);
            buffer[size++] = b;
        }

        void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        private void room(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
