package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.api.Event;
import org.evi4j.cjson.CJson;
import org.evi4j.cjson.JsonRpcEventWriter;
import org.evi4j.spi.OutgoingEvent;

/**
 * An {@link OutgoingEvent} as the core hands it over with the jsonrpc encoder: the notification's bytes, encoded at
 * the first {@link #payload()} only; counts the encodings.
 */
final class TestEvent implements OutgoingEvent {

    private final Event event;
    private final AtomicInteger encodings;
    private ByteBuffer payload;

    TestEvent(Event event, AtomicInteger encodings) {
        this.event = event;
        this.encodings = encodings;
    }

    TestEvent(Event event) {
        this(event, new AtomicInteger());
    }

    @Override
    public Event event() {
        return event;
    }

    @Override
    public String encoder() {
        return "jsonrpc";
    }

    @Override
    public ByteBuffer payload() {
        if (payload == null) {
            encodings.incrementAndGet();
            try {
                payload = ByteBuffer.wrap(new JsonRpcEventWriter(CJson.factory()).write(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return payload.clear();
    }
}
