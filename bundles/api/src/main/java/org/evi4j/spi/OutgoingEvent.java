package org.evi4j.spi;

import java.nio.ByteBuffer;

import org.evi4j.api.Event;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One raised event on its way to one subscriber, as the core hands it to {@link EventTransport#send(Destination,
 * OutgoingEvent)}: the event itself and, on demand, the bytes of the subscriber's encoder. A transport that sends the
 * encoder's bytes as they are asks for {@link #payload()}; one that shapes the bytes per subscriber (a JSON-RPC method
 * or id of its own, a line of a file) builds them from {@link #event()} and never has the event encoded. The core
 * encodes an event at most once per encoder per raise, and only when some transport asks for the payload, so every
 * subscriber of one encoder shares the same bytes.
 *
 * <p>Valid only during the {@code send} call that received it, and used by that call's thread only: a transport that
 * sends later copies the payload (or keeps the immutable {@link #event()}) rather than this object.
 *
 * @since 1.2
 */
@ProviderType
public interface OutgoingEvent {

    /** The raised event: its name and ordered parameters. Immutable; a transport may keep it. */
    Event event();

    /** The name of the subscriber's encoder ({@code jsonrpc}, {@code legacy}, ...). */
    String encoder();

    /**
     * The subscriber's encoder's bytes for the event, encoded at the first call of the raise for this encoder and
     * shared with the other subscribers of the same encoder.
     *
     * @return the bytes from position to limit; position and limit are reset at every call. Do not write into it.
     * @throws IllegalStateException when there are no bytes to send: the encoder is missing or failed, or the bytes
     *                               exceed {@link org.evi4j.api.EventInterface#MAX_DATAGRAM}. A transport lets it
     *                               propagate; the core then counts the event for the subscriber as undelivered,
     *                               failed or dropped, and records the reason.
     */
    ByteBuffer payload();
}
