package org.evi4j.api;

/**
 * A subscriber of an event, as listed by {@link EventInterface#subscribers(String)}.
 *
 * @param socket      the canonical socket text ({@code udp:127.0.0.1:8081}, {@code unix:/tmp/ev.sock}), followed by
 *                    {@code ;encoder=NAME} when the subscriber chose an encoder
 * @param encoder     the name of the encoder its events are written with
 * @param expire      the subscription's lifetime in seconds, counted from {@code subscribed}
 * @param ttl         seconds left; 0 or less means expired
 * @param sent        datagrams handed to the transport without error
 * @param failed      sends the transport reported as failed (ICMP unreachable, no such path, ...)
 * @param dropped     events not sent: larger than the datagram limit, or the receiver's queue was full
 * @param undelivered events that found no transport or encoder to carry them (a transport bundle was stopped)
 * @param lastError   the last failure's text, or {@code null}
 */
public record SubscriberInfo(String socket, String encoder, int expire, long ttl, long sent, long failed,
        long dropped, long undelivered, String lastError) {

    /** Whether the subscription has run out (its ttl is 0 or less). */
    public boolean expired() {
        return ttl <= 0;
    }
}
