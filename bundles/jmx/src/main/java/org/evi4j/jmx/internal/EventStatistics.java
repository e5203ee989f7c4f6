package org.evi4j.jmx.internal;

import javax.management.ConstructorParameters;

/** One event's counters, as JMX shows them (a CompositeData item of the {@code Events} attribute). */
public final class EventStatistics {

    private final String name;
    private final int id;
    private final long raised;
    private final int subscribers;
    private final long sent;
    private final long delivered;
    private final long failed;
    private final long dropped;
    private final long undelivered;

    @ConstructorParameters({"name", "id", "raised", "subscribers", "sent", "delivered", "failed", "dropped",
        "undelivered"})
    public EventStatistics(String name, int id, long raised, int subscribers, long sent, long delivered, long failed,
            long dropped, long undelivered) {
        this.name = name;
        this.id = id;
        this.raised = raised;
        this.subscribers = subscribers;
        this.sent = sent;
        this.delivered = delivered;
        this.failed = failed;
        this.dropped = dropped;
        this.undelivered = undelivered;
    }

    /** The event name. */
    public String getName() {
        return name;
    }

    /** The event id: its index in publish order. */
    public int getId() {
        return id;
    }

    /** How many times it was raised. */
    public long getRaised() {
        return raised;
    }

    /** Its live subscribers. */
    public int getSubscribers() {
        return subscribers;
    }

    /** Events handed to the network for its live subscribers. */
    public long getSent() {
        return sent;
    }

    /** Events its live subscribers' far ends confirmed (publisher confirms of a broker transport). */
    public long getDelivered() {
        return delivered;
    }

    /** Failed sends to its live subscribers. */
    public long getFailed() {
        return failed;
    }

    /** Events not sent to its live subscribers: too large, or the receiver's queue was full. */
    public long getDropped() {
        return dropped;
    }

    /** Events that found no transport or encoder for its live subscribers. */
    public long getUndelivered() {
        return undelivered;
    }
}
