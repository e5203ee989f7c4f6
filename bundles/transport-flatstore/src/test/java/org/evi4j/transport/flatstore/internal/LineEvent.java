package org.evi4j.transport.flatstore.internal;

import java.nio.ByteBuffer;

import org.evi4j.api.Event;
import org.evi4j.spi.OutgoingEvent;

/** An {@link OutgoingEvent} whose encoded bytes must never be asked for: flatstore builds its line from the event. */
record LineEvent(Event event) implements OutgoingEvent {

    @Override
    public String encoder() {
        return "jsonrpc";
    }

    @Override
    public ByteBuffer payload() {
        throw new AssertionError("flatstore asked for the encoded payload");
    }
}
