package org.evi4j.spi;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Carries encoded events to subscribers of one socket scheme. Register it as a service with the property
 * {@code evi.transport=<scheme>} ({@code udp}, {@code unix}, ...). A transport owns its sockets and closes them when
 * it goes away. Transports may come and go at run time: the core keeps the subscriptions of a missing transport and
 * parses their addresses again with the next transport that serves the scheme.
 */
@ConsumerType
public interface EventTransport {

    /** The service property that names the scheme the transport serves. */
    String SCHEME_PROPERTY = "evi.transport";

    /**
     * Parses and validates the part of a socket string after {@code scheme:} (for the {@code unix} scheme this may
     * also be a whole bare absolute path). Host names are resolved here.
     *
     * @throws IllegalArgumentException with a message fit for the user when the address is not valid
     */
    Destination parse(String address);

    /**
     * Parses an address for a subscriber whose sends this transport may complete later. The core calls this form;
     * a transport that sends asynchronously keeps the report with the destination and tells it what became of each
     * send it answered {@link SendResult#PENDING}. Transports that answer every send at once keep the default.
     *
     * @param report where to count the outcomes of this subscriber's pending sends; thread-safe, never blocks
     * @throws IllegalArgumentException with a message fit for the user when the address is not valid
     * @since 1.1
     */
    default Destination parse(String address, DeliveryReport report) {
        return parse(address);
    }

    /**
     * Sends one datagram without blocking the caller. Errors are returned, never thrown.
     *
     * @param destination a destination this transport parsed
     * @param payload     the bytes from position to limit; valid only during the call. On return, position and
     *                    limit are as they were, so that the caller can send the same buffer again.
     */
    SendResult send(Destination destination, ByteBuffer payload);

    /**
     * Sends one raised event to one subscriber without blocking the caller. Errors are returned, never thrown. The
     * core calls this form; the default sends the bytes of the subscriber's encoder with
     * {@link #send(Destination, ByteBuffer)}. A transport that shapes the bytes per subscriber overrides it and builds
     * them from {@link OutgoingEvent#event()}, asking for {@link OutgoingEvent#payload()} only when the encoder's
     * bytes fit as they are (so that the event is still encoded once for all such subscribers).
     *
     * @param destination a destination this transport parsed
     * @param outgoing    the event and its encoded bytes on demand; valid only during the call
     * @throws IllegalStateException only as thrown by {@link OutgoingEvent#payload()}, which the core counts
     * @since 1.2
     */
    default SendResult send(Destination destination, OutgoingEvent outgoing) {
        return send(destination, outgoing.payload());
    }

    /** Called when no subscriber uses the destination any more, so that a transport can free what it holds. */
    default void release(Destination destination) {
    }
}
