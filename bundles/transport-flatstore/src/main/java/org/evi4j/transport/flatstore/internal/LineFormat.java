package org.evi4j.transport.flatstore.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 16 * event.params().size());
        if (!suppressName) {
            out.writeBytes(event.name().getBytes(StandardCharsets.UTF_8));
        }
        List<EventParam> params = event.params();
        for (EventParam param : params) {
            // with the name suppressed, OpenSIPS writes no delimiter until some byte has been written
            if (out.size() > 0 || !suppressName) {
                out.writeBytes(delimiter);
            }
            switch (param.type()) {
                case INT -> out.writeBytes(Integer.toString(param.intValue()).getBytes(StandardCharsets.US_ASCII));
                case STRING -> writeValue(out, param.stringValue().getBytes(StandardCharsets.UTF_8));
                case NULL -> { }
            }
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Without {@code escape_delimiter}, every byte equal to the delimiter's first byte becomes a space (OpenSIPS's
     * bytes). With it, every whole delimiter becomes the escape (what OpenSIPS documents; its code never does it).
     */
    private void writeValue(ByteArrayOutputStream out, byte[] value) {
        if (escape == null) {
            for (byte b : value) {
                out.write(b == delimiter[0] ? ' ' : b);
            }
            return;
        }
        int i = 0;
        while (i < value.length) {
            if (startsWithDelimiter(value, i)) {
                out.writeBytes(escape);
                i += delimiter.length;
            } else {
                out.write(value[i++]);
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
}
