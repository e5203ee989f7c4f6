package org.evi4j.launcher.internal.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the legacy event text (SPEC section 3) the way OPENSIPS-REFERENCE section 3.4 advises: split on LF; a value
 * starting with {@code "} and holding a line break (only such values are quoted) runs to a {@code "} that is not
 * preceded by a backslash and ends its line, {@code \"} becomes {@code "}; the first empty line ends the event.
 * The format is ambiguous in places (an unnamed value holding {@code ::}, an empty unnamed value); such datagrams
 * decode as the grammar reads them.
 */
final class LegacyEventText {

    private LegacyEventText() {
    }

    static ReceivedEvent decode(String text) {
        int nameEnd = text.indexOf('\n');
        if (nameEnd <= 0) {
            throw new IllegalArgumentException("legacy event datagram without a name line");
        }
        List<ReceivedEvent.Param> params = new ArrayList<>();
        int pos = nameEnd + 1;
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos = param(text, pos, params);
        }
        return new ReceivedEvent(text.substring(0, nameEnd), List.copyOf(params));
    }

    /** Reads one parameter starting at {@code pos}; returns where the next line starts. */
    private static int param(String text, int pos, List<ReceivedEvent.Param> params) {
        int lineEnd = lineEnd(text, pos);
        String name = null;
        int valueStart = pos;
        int sep = text.indexOf("::", pos);
        if (sep >= 0 && sep < lineEnd && text.charAt(pos) != '"') {
            name = text.substring(pos, sep);
            valueStart = sep + 2;
        }
        if (valueStart < text.length() && text.charAt(valueStart) == '"') {
            int close = closingQuote(text, valueStart + 1);
            if (close > 0 && text.indexOf('\n', valueStart) < close) {
                String value = text.substring(valueStart + 1, close).replace("\\\"", "\"");
                params.add(new ReceivedEvent.Param(name, value));
                return Math.min(text.length(), close + 2);
            }
        }
        params.add(new ReceivedEvent.Param(name, text.substring(valueStart, lineEnd)));
        return Math.min(text.length(), lineEnd + 1);
    }

    /** The index of the quote that closes a quoted value (unescaped, followed by LF or the end), or -1. */
    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '"' && text.charAt(i - 1) != '\\'
                    && (i + 1 == text.length() || text.charAt(i + 1) == '\n')) {
                return i;
            }
        }
        return -1;
    }

    private static int lineEnd(String text, int pos) {
        int end = text.indexOf('\n', pos);
        return end < 0 ? text.length() : end;
    }
}
