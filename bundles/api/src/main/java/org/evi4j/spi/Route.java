package org.evi4j.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A socket of any scheme reached through {@link Transports}: it sends through the transport that serves the scheme
 * now, parsing the address again when another transport instance took over, and counts every outcome in the report
 * it was opened with. Thread-safe.
 *
 * @since 1.2
 */
@ProviderType
public interface Route {

    /**
     * The socket in the transport's canonical form, secrets included, plus {@code ;encoder=NAME} when one was
     * chosen: what {@link Transports} must be given to open the same route again (after a restart). Never list or
     * log it.
     */
    String socket();

    /**
     * The socket as a subscriber of it is listed: {@link #socket()} without the secrets it may hold. Two routes
     * with the same text reach the same place.
     */
    String shownSocket();

    /**
     * Sends one event without blocking the caller, as the core would send it to a subscriber of this socket, and
     * counts the outcome in the route's report (a {@link SendResult.Status#PENDING pending} one later, when the
     * transport reports it). The route's own encoder, when it chose one, encodes the event; otherwise the
     * caller's bytes ({@link OutgoingEvent#payload()}) go as they are. Errors are returned, never thrown.
     *
     * @param event the event as the caller's transport received it; used only during the call
     * @return what became of it; {@link SendResult.Status#FAILED failed} when no transport serves the scheme now
     *         (counted as undelivered), the transport refuses the address, or there are no bytes to send
     */
    SendResult send(OutgoingEvent event);

    /** Gives the destination back to its transport; the route sends nothing more. Calling it again does nothing. */
    void close();
}
