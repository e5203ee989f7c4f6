package org.evi4j.transport.rabbitmq.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The events published on one confirm-mode channel that the broker has not confirmed yet, by sequence number.
 * The publisher adds them; the client's connection thread settles them (ack, nack, channel closed). Each is settled
 * once: whoever removes it from the map reports it.
 */
final class ConfirmTracker {

    private final NavigableMap<Long, RabbitDestination> unconfirmed = new ConcurrentSkipListMap<>();
    private final LinkCounters counters;

    ConfirmTracker(LinkCounters counters) {
        this.counters = counters;
    }

    /** Called before publishing, so that a confirm arriving at once finds it. */
    void expect(long sequence, RabbitDestination destination) {
        unconfirmed.put(sequence, destination);
    }

    /** Takes back an event whose publish failed; false when the channel's close already reported it failed. */
    boolean withdraw(long sequence) {
        return unconfirmed.remove(sequence) != null;
    }

    void acked(long sequence, boolean multiple) {
        settle(sequence, multiple).forEach((destination, count) -> {
            counters.confirmed.add(count);
            destination.report().delivered(count);
        });
    }

    void nacked(long sequence, boolean multiple) {
        settle(sequence, multiple).forEach((destination, count) -> {
            counters.nacked.add(count);
            destination.report().failed(count, "nacked by the broker");
        });
    }

    /** The channel is gone: every event still unconfirmed is lost. */
    void lost(String reason) {
        settle(Long.MAX_VALUE, true).forEach((destination, count) -> {
            counters.failed.add(count);
            destination.report().failed(count, reason);
        });
    }

    int pending() {
        return unconfirmed.size();
    }

    private Map<RabbitDestination, Integer> settle(long sequence, boolean multiple) {
        Map<RabbitDestination, Integer> counts = new HashMap<>();
        if (multiple) {
            NavigableMap<Long, RabbitDestination> upTo = unconfirmed.headMap(sequence, true);
            for (Long settled : upTo.keySet()) {
                RabbitDestination destination = upTo.remove(settled);
                if (destination != null) {
                    counts.merge(destination, 1, Integer::sum);
                }
            }
        } else {
            RabbitDestination destination = unconfirmed.remove(sequence);
            if (destination != null) {
                counts.put(destination, 1);
            }
        }
        return counts;
    }
}
