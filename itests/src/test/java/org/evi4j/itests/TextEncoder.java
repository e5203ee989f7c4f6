package org.evi4j.itests;

import java.nio.charset.StandardCharsets;

import org.evi4j.api.Event;
import org.evi4j.spi.EventEncoder;

/** An in-probe {@link EventEncoder}: the event's {@code toString()} in UTF-8, easy to assert on. */
final class TextEncoder implements EventEncoder {

    @Override
    public byte[] encode(Event event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
