package org.evi4j.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The send queues of a transport that hands events to a thread of its own (a broker connection): for monitoring.
 * A transport registers it as a service beside its {@link EventTransport}; a metrics bundle reads it at each
 * scrape.
 *
 * @since 1.2
 */
@ConsumerType
public interface TransportQueues {

    /**
     * One queue now.
     *
     * @param target  where the queue's events go ({@code guest@127.0.0.1:5672}), never holding a secret
     * @param depth   events waiting in the queue
     * @param dropped events not taken (queue full) or given up, since the queue was made
     */
    record Queue(String target, int depth, long dropped) {
    }

    /** The scheme of the transport ({@code rabbitmq}). */
    String scheme();

    /** Its queues now, one per connection or destination. */
    List<Queue> queues();
}
