package org.evi4j.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Event Interface: the registry of published events and of their subscribers, and the way to raise events.
 * All methods are thread-safe. Raising never blocks on the network and never throws because of a subscriber.
 *
 * <p>Socket strings are as OpenSIPS writes them: {@code udp:HOST:PORT}, {@code udp:[IPv6]:PORT},
 * {@code unix:/path} or a bare absolute {@code /path}, optionally followed by {@code ;encoder=NAME}.
 */
@ProviderType
public interface EventInterface {

    /** The largest datagram evi4j sends or accepts, in bytes (as OpenSIPS). */
    int MAX_DATAGRAM = 65457;

    /** The expire used when a subscription gives none, in seconds (OpenSIPS's default). */
    int DEFAULT_EXPIRE = 3600;

    /**
     * Publishes an event, so that it can be raised and subscribed to. Publishing a name again is harmless.
     *
     * @return the event's id: its index in publish order, from 0
     * @throws IllegalArgumentException when the name is empty or longer than {@value Event#MAX_NAME_LENGTH} bytes
     */
    int publish(String name);

    /** The published event of that name, if any. */
    Optional<EventInfo> event(String name);

    /** Every published event, in id order. */
    List<EventInfo> events();

    /** Whether the event has at least one live subscriber: lets a producer skip building parameters. */
    boolean hasSubscribers(String name);

    /**
     * Raises an event: it is encoded once per encoder in use and sent to every live subscriber, newest first.
     * What became of each send (sent, failed, dropped, undelivered for want of a transport) is counted per
     * subscriber, never thrown.
     *
     * @return how many live subscribers the event was for (0 when it has none)
     * @throws UnknownEventException when the event was not published
     */
    int raise(Event event);

    /**
     * Subscribes a socket to an event for {@code expire} seconds, or refreshes it when the same socket is subscribed
     * already (the time is reset, the expire and the encoder replaced). An expire of 0 unsubscribes.
     *
     * @throws UnknownEventException          when the event was not published
     * @throws InvalidSubscriptionException   when the socket or its encoder is refused (the message says why)
     * @throws IllegalArgumentException       when expire is negative
     */
    void subscribe(String event, String socket, int expire);

    /** Subscribes with the configured default expire. */
    void subscribe(String event, String socket);

    /**
     * Removes a subscriber at once.
     *
     * @return whether there was such a subscriber
     * @throws UnknownEventException when the event was not published
     */
    boolean unsubscribe(String event, String socket);

    /**
     * The live subscribers of an event, newest first; expired ones are purged first.
     *
     * @throws UnknownEventException when the event was not published
     */
    List<SubscriberInfo> subscribers(String event);

    /**
     * The subscriber of an event that is the same as {@code socket} (same canonical address), if any.
     *
     * @throws UnknownEventException when the event was not published
     */
    Optional<SubscriberInfo> subscriber(String event, String socket);

    /**
     * An event's raises and its live subscribers' counters, summed; an event that is not published (any more)
     * counts its raises from {@code event} and no subscribers.
     *
     * @since 1.2
     */
    default EventTotals totals(EventInfo event) {
        try {
            return EventTotals.of(event.raised(), subscribers(event.name()));
        } catch (UnknownEventException e) {
            return EventTotals.of(event.raised(), List.of());
        }
    }

    /**
     * Every published event's {@link #totals(EventInfo)}, summed.
     *
     * @since 1.2
     */
    default EventTotals totals() {
        EventTotals sum = EventTotals.NONE;
        for (EventInfo event : events()) {
            sum = sum.plus(totals(event));
        }
        return sum;
    }

    /** Sets every counter (events raised, subscribers' sent/failed/dropped/undelivered) back to zero. */
    void resetStatistics();
}
