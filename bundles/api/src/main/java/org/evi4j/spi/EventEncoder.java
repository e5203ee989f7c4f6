package org.evi4j.spi;

import org.evi4j.api.Event;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns an event into the bytes of one datagram. Register it as a service with the property
 * {@code evi.encoder=<name>} ({@code jsonrpc}, {@code legacy}, ...). Implementations are stateless as far as callers
 * can tell and thread-safe: the core calls them concurrently from every raising thread.
 */
@ConsumerType
public interface EventEncoder {

    /** The service property that names the encoder. */
    String NAME_PROPERTY = "evi.encoder";

    /**
     * Encodes an event.
     *
     * @return a new array holding exactly the datagram's bytes; the caller owns it
     */
    byte[] encode(Event event);
}
