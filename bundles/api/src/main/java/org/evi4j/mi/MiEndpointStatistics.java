package org.evi4j.mi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The counters of one MI endpoint (a datagram socket, an HTTP path), since it was opened. Every MI server registers
 * one such service per endpoint while the endpoint is open, with the service property {@value #SOCKET_PROPERTY}
 * holding {@link #socket()}, so that monitoring (JMX, Prometheus, a console) reads them without knowing the server.
 *
 * @since 1.1
 */
@ConsumerType
public interface MiEndpointStatistics {

    /** The service property naming the endpoint, the same text as {@link #socket()}. */
    String SOCKET_PROPERTY = "mi.socket";

    /**
     * The endpoint, as its clients address it: {@code udp:HOST:PORT} (the bound port), {@code unix:PATH},
     * {@code http:PATH}. Never holds a secret.
     */
    String socket();

    /** Requests handed to the dispatcher. */
    long requests();

    /** Replies sent. */
    long replies();

    /**
     * Requests the endpoint could not serve: receive or dispatch failures of a datagram socket; requests an HTTP
     * endpoint answered with an HTTP error status. MI error replies (JSON-RPC errors) are replies, not errors here.
     */
    long errors();

    /** Requests refused because their source is not allowed (or, over HTTP, not authenticated). */
    long refused();
}
