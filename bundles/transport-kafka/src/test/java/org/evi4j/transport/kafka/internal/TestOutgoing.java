package org.evi4j.transport.kafka.internal;

import java.nio.ByteBuffer;

import org.evi4j.api.Event;
import org.evi4j.spi.OutgoingEvent;

/** An event on its way to a subscriber as the core hands it over: the event and its encoder's bytes. */
record TestOutgoing(Event event, String encoder, byte[] bytes) implements OutgoingEvent {

    @Override
    public ByteBuffer payload() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
