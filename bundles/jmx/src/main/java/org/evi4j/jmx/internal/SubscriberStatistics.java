package org.evi4j.jmx.internal;

import javax.management.ConstructorParameters;

import org.evi4j.api.SubscriberInfo;

/** One subscriber's counters, as JMX shows them (a CompositeData item of the {@code Subscribers} attribute). */
public final class SubscriberStatistics {

    private final String event;
    private final SubscriberInfo info;

    @ConstructorParameters({"event", "socket", "encoder", "expire", "ttl", "sent", "delivered", "failed", "dropped",
            "undelivered", "lastError"})
    public SubscriberStatistics(String event, String socket, String encoder, int expire, long ttl, long sent,
            long delivered, long failed, long dropped, long undelivered, String lastError) {
        this(event, new SubscriberInfo(socket, encoder, expire, ttl, sent, delivered, failed, dropped, undelivered,
                lastError));
    }

    SubscriberStatistics(String event, SubscriberInfo info) {
        this.event = event;
        this.info = info;
    }

    /** The event subscribed to. */
    public String getEvent() {
        return event;
    }

    /** The canonical socket, with {@code ;encoder=NAME} when the subscriber chose one. */
    public String getSocket() {
        return info.socket();
    }

    /** The encoder its events are written with. */
    public String getEncoder() {
        return info.encoder();
    }

    /** The subscription's lifetime in seconds. */
    public int getExpire() {
        return info.expire();
    }

    /** Seconds left. */
    public long getTtl() {
        return info.ttl();
    }

    /** Payloads handed to the network. */
    public long getSent() {
        return info.sent();
    }

    /** Payloads the far end confirmed receiving (a broker's publisher confirms); 0 for datagram transports. */
    public long getDelivered() {
        return info.delivered();
    }

    /** Sends the transport reported as failed. */
    public long getFailed() {
        return info.failed();
    }

    /** Events not sent: too large, or the receiver's queue was full. */
    public long getDropped() {
        return info.dropped();
    }

    /** Events that found no transport or encoder to carry them. */
    public long getUndelivered() {
        return info.undelivered();
    }

    /** The last failure's text, or null. */
    public String getLastError() {
        return info.lastError();
    }
}
