package org.evi4j.core.internal;

import java.nio.ByteBuffer;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.OutgoingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One raised event for the subscribers of one encoder: encodes it at the first {@link #payload()} of the raise and
 * hands the same bytes to every later caller. When there are no bytes to hand, it remembers why, so that the
 * dispatcher counts the subscriber as it would have counted it before calling the transport.
 */
final class Outgoing implements OutgoingEvent {

    private static final Logger LOG = LoggerFactory.getLogger(Outgoing.class);

    /** Why {@link #payload()} had no bytes to hand. */
    enum Missing {
        NONE, NO_ENCODER, ENCODER_FAILED, TOO_LARGE
    }

    private Event event;
    private String encoderName;
    private EventEncoder encoder;
    private ByteBuffer payload;
    private Missing missing = Missing.NONE;
    /** Whether a raise on this thread is using this instance (a raise nested in a send takes a new one). */
    private boolean inUse;

    /** @param encoder the encoder service, or {@code null} when none is registered under that name now */
    Outgoing(Event event, String encoderName, EventEncoder encoder) {
        set(event, encoderName, encoder);
    }

    /** An instance for {@link #take}. */
    Outgoing() {
    }

    /**
     * This thread's reusable instance set to the event, or a new one when it is in use (a raise inside a send):
     * the common single-encoder raise then allocates no more than the payload. Give it back with {@link #done}.
     */
    static Outgoing take(ThreadLocal<Outgoing> reusable, Event event, String encoderName, EventEncoder encoder) {
        Outgoing o = reusable.get();
        if (o.inUse) {
            return new Outgoing(event, encoderName, encoder);
        }
        o.inUse = true;
        o.set(event, encoderName, encoder);
        return o;
    }

    /** Ends the raise's use: nothing of the event is kept. */
    void done() {
        set(null, null, null);
        inUse = false;
    }

    private void set(Event event, String encoderName, EventEncoder encoder) {
        this.event = event;
        this.encoderName = encoderName;
        this.encoder = encoder;
        this.payload = null;
        this.missing = Missing.NONE;
    }

    @Override
    public Event event() {
        return event;
    }

    @Override
    public String encoder() {
        return encoderName;
    }

    @Override
    public ByteBuffer payload() {
        if (payload == null && missing == Missing.NONE) {
            encode();
        }
        if (missing != Missing.NONE) {
            throw new NoPayload(reason());
        }
        return payload.clear();
    }

    /** Why there were no bytes, when {@link #payload()} threw; {@link Missing#NONE} otherwise. */
    Missing missing() {
        return missing;
    }

    String reason() {
        return switch (missing) {
            case NO_ENCODER -> "no encoder " + encoderName;
            case ENCODER_FAILED -> "encoder " + encoderName + " failed";
            case TOO_LARGE -> "event of " + payload.capacity() + " bytes exceeds " + EventInterface.MAX_DATAGRAM;
            case NONE -> "";
        };
    }

    private void encode() {
        if (encoder == null) {
            missing = Missing.NO_ENCODER;
            return;
        }
        try {
            payload = ByteBuffer.wrap(encoder.encode(event));
        } catch (RuntimeException e) {
            LOG.warn("encoder {} failed on event {}", encoderName, event.name(), e);
            missing = Missing.ENCODER_FAILED;
            return;
        }
        if (payload.capacity() > EventInterface.MAX_DATAGRAM) {
            missing = Missing.TOO_LARGE;
        }
    }

    /** Thrown through the transport back to the dispatcher; no stack trace, the reason says it all. */
    static final class NoPayload extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        NoPayload(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
