package org.evi4j.eventadmin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.osgi.service.event.EventConstants;

/**
 * Turns an EventAdmin event into evi4j parameters and derives event names from topics. EventAdmin properties have
 * no order, so the parameters are sorted by name: the same event always gives the same datagram.
 */
final class InboundMapper {

    /** The property that marks events the bridge itself posted to EventAdmin. */
    static final String BRIDGED = "evi4j.bridged";

    private static final String PREFIX = "E_";

    private InboundMapper() {
    }

    /**
     * The parameters of an event: every property but {@code event.topics} and {@value #BRIDGED}, sorted by name.
     * Integer, Short and Byte give int parameters, a Long too when it fits in 32 bits (else its decimal string),
     * a String a string, null a null parameter, anything else its {@code String.valueOf} (arrays their elements).
     */
    static List<EventParam> params(org.osgi.service.event.Event event) {
        String[] names = event.getPropertyNames();
        Arrays.sort(names);
        List<EventParam> params = new ArrayList<>(names.length);
        for (String name : names) {
            if (!EventConstants.EVENT_TOPIC.equals(name) && !BRIDGED.equals(name)) {
                params.add(param(name, event.getProperty(name)));
            }
        }
        return params;
    }

    /** One parameter, by the rules of {@link #params}. */
    static EventParam param(String name, Object value) {
        if (value == null) {
            return EventParam.ofNull(name);
        }
        if (value instanceof String s) {
            return EventParam.of(name, s);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return EventParam.of(name, ((Number) value).intValue());
        }
        if (value instanceof Long l && l == l.intValue()) {
            return EventParam.of(name, l.intValue());
        }
        if (value.getClass().isArray()) {
            String text = Arrays.deepToString(new Object[] {value});
            return EventParam.of(name, text.substring(1, text.length() - 1));
        }
        return EventParam.of(name, String.valueOf(value));
    }

    /** {@code org/foo/Bar} → {@code E_ORG_FOO_BAR}, cut to {@value Event#MAX_NAME_LENGTH} bytes. */
    static String eventName(String topic) {
        String name = PREFIX + topic.toUpperCase(Locale.ROOT).replace('/', '_');
        return truncate(name, Event.MAX_NAME_LENGTH);
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes that does not split a character. */
    static String truncate(String s, int maxBytes) {
        if (s.length() <= maxBytes / 3) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            int cp = s.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            if (cp >= 0x10000) {
                i++;
            }
        }
        return s;
    }
}
