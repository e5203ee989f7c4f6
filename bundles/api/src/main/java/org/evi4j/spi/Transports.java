package org.evi4j.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a transport reaches the other transports: a composite transport (OpenSIPS's {@code event_virtual}) turns
 * each of its member sockets into a {@link Route} and sends through it. The core registers this service. A route
 * behaves like a plain subscriber of its socket: its address is parsed and checked as a subscription's would be
 * ({@code allowed_destinations} included), its sends go through whichever transport serves its scheme at the time,
 * they count as undelivered while no transport serves it, and delivery resumes when one comes back.
 *
 * @since 1.2
 */
@ProviderType
public interface Transports {

    /**
     * Opens a route to a socket of any installed transport, third-party ones included: {@code scheme:address}, a
     * bare absolute path for the {@code unix} scheme, and an optional trailing {@code ;encoder=NAME}.
     *
     * <p>When a transport serves the scheme now, it parses the address here and a bad or not allowed address is an
     * error. When none does (its bundle is being updated, or is installed later), the route is opened all the same
     * and waits for one: its sends count as undelivered, and the first transport that serves the scheme parses the
     * address. A transport that refuses the address then, as an encoder that is missing at a send, makes the sends
     * count as undelivered with the reason, as for a plain subscriber.
     *
     * @param socket the socket string, as a subscriber would give it
     * @param report where the route counts what became of each send: sent, dropped, failed and undelivered at
     *               once, pending ones when the transport reports them. Thread-safe, never blocks.
     * @return an open route; {@link Route#close() close} it when it is no longer used
     * @throws IllegalArgumentException with a message fit for the user when the socket has no scheme, or the
     *                                  transport serving its scheme refuses the address or it is not allowed
     */
    Route route(String socket, DeliveryReport report);
}
