package org.evi4j.transport.kafka.internal;

import java.nio.charset.StandardCharsets;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;

/**
 * The record key of a {@code key=callid} subscriber: the value of the event's parameter named {@code callid} (any
 * case), as OpenSIPS documents the key to be the Call-ID of the SIP message the event was raised for, and as its own
 * events (dialog, accounting) name it. No such parameter, or a null one: no key, as OpenSIPS documents for events
 * raised outside a SIP message.
 */
final class CallIdKey {

    private static final String NAME = "callid";

    private CallIdKey() {
    }

    /** The key's bytes (UTF-8; an int parameter as its decimal text), or {@code null}. */
    static byte[] of(Event event) {
        for (EventParam param : event.params()) {
            if (param.isNamed() && NAME.equalsIgnoreCase(param.name())) {
                return switch (param.type()) {
                    case INT -> Integer.toString(param.intValue()).getBytes(StandardCharsets.US_ASCII);
                    case STRING -> param.stringValue().getBytes(StandardCharsets.UTF_8);
                    default -> null;
                };
            }
        }
        return null;
    }
}
