package org.evi4j.jmx.internal;

import java.util.List;
import java.util.Map;

/**
 * The Event Interface's statistics, registered as {@code org.evi4j:type=EventInterface}. Counters run from the
 * start of the core or the last {@link #resetStatistics()}. Every read is a fresh snapshot.
 */
public interface EventInterfaceMXBean {

    /** Every published event, in id order, with its counters summed over its live subscribers. */
    List<EventStatistics> getEvents();

    /** How many times each published event was raised, by event name. */
    Map<String, Long> getRaised();

    /** Every live subscriber of every event, with its counters. */
    List<SubscriberStatistics> getSubscribers();

    /** How many events are published. */
    int getEventCount();

    /** How many live subscribers all events have together. */
    int getSubscriberCount();

    /** Raises of all events together. */
    long getTotalRaised();

    /** Payloads handed to the network, summed over every live subscriber. */
    long getTotalSent();

    /** Payloads the far end confirmed receiving, summed over every live subscriber. */
    long getTotalDelivered();

    /** Failed sends, summed over every live subscriber. */
    long getTotalFailed();

    /** Dropped events, summed over every live subscriber. */
    long getTotalDropped();

    /** Undelivered events, summed over every live subscriber. */
    long getTotalUndelivered();

    /** Sets every counter (events raised, each subscriber's sent, delivered, failed, ...) back to zero. */
    void resetStatistics();
}
