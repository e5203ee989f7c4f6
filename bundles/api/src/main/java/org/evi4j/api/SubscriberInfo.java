package org.evi4j.api;

/**
 * A subscriber of an event, as listed by {@link EventInterface#subscribers(String)}.
 *
 * @param socket      the canonical socket text ({@code udp:127.0.0.1:8081}, {@code unix:/tmp/ev.sock}), followed by
 *                    {@code ;encoder=NAME} when the subscriber chose an encoder; without the secrets (passwords) the
 *                    socket it subscribed with may hold
 * @param encoder     the name of the encoder its events are written with
 * @param expire      the subscription's lifetime in seconds, counted from {@code subscribed}
 * @param ttl         seconds left; 0 or less means expired
 * @param sent        payloads handed to the network (by a transport that sends later: once it did)
 * @param delivered   payloads the far end confirmed receiving (publisher confirms of a broker); always 0 for
 *                    datagram transports, which learn nothing of the receiver (since 1.1)
 * @param failed      sends the transport reported as failed (ICMP unreachable, no such path, ...)
 * @param dropped     events not sent: larger than the datagram limit, or the receiver's queue was full
 * @param undelivered events that found no transport or encoder to carry them (a transport bundle was stopped)
 * @param lastError   the last failure's text, or {@code null}
 */
public record SubscriberInfo(String socket, String encoder, int expire, long ttl, long sent, long delivered,
        long failed, long dropped, long undelivered, String lastError) {

    /** A subscriber without confirmed deliveries ({@code delivered} 0): the form of API 1.0, kept for its callers. */
    public SubscriberInfo(String socket, String encoder, int expire, long ttl, long sent, long failed, long dropped,
            long undelivered, String lastError) {
        this(socket, encoder, expire, ttl, sent, 0, failed, dropped, undelivered, lastError);
    }

    /** Whether the subscription has run out (its ttl is 0 or less). */
    public boolean expired() {
        return ttl <= 0;
    }
}
