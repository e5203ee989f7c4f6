package org.evi4j.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.EventParam;

/**
 * Parameters typed on the command line: {@code name=value} is a named parameter, anything else (or {@code =value},
 * to keep an {@code =} in an unnamed value) an unnamed one. A value that is a 32-bit decimal integer becomes an int
 * unless strings are asked for.
 */
final class RaiseParams {

    private RaiseParams() {
    }

    static List<EventParam> parse(List<String> tokens, boolean strings) {
        if (tokens == null) {
            return List.of();
        }
        List<EventParam> params = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            int eq = token.indexOf('=');
            String name = eq > 0 ? token.substring(0, eq) : null;
            String value = eq == 0 ? token.substring(1) : eq > 0 ? token.substring(eq + 1) : token;
            Integer number = strings ? null : asInt(value);
            params.add(number == null ? EventParam.of(name, value) : EventParam.of(name, number));
        }
        return params;
    }

    /** The int a decimal text stands for, or null when it is not one or does not fit in 32 bits. */
    static Integer asInt(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > start + 10) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        long value = Long.parseLong(text);
        return value == (int) value ? (int) value : null;
    }
}
