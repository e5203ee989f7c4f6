package org.evi4j.api;

import java.util.List;

/**
 * Counters summed: an event's raises and what became of them over its live subscribers
 * ({@link EventInterface#totals(EventInfo)}), or the same summed again over every published event
 * ({@link EventInterface#totals()}). The one place the MI statistics, JMX and the shell take their totals from.
 *
 * @param raised      times raised (see {@link EventInfo#raised()})
 * @param subscribers live subscribers
 * @param sent        the subscribers' {@link SubscriberInfo#sent()}, summed; the others likewise
 * @param delivered   summed {@link SubscriberInfo#delivered()}
 * @param failed      summed {@link SubscriberInfo#failed()}
 * @param dropped     summed {@link SubscriberInfo#dropped()}
 * @param undelivered summed {@link SubscriberInfo#undelivered()}
 * @since 1.2
 */
public record EventTotals(long raised, int subscribers, long sent, long delivered, long failed, long dropped,
        long undelivered) {

    /** Nothing counted. */
    public static final EventTotals NONE = new EventTotals(0, 0, 0, 0, 0, 0, 0);

    /** An event's raises with its subscribers' counters summed. */
    public static EventTotals of(long raised, List<SubscriberInfo> subscribers) {
        long sent = 0;
        long delivered = 0;
        long failed = 0;
        long dropped = 0;
        long undelivered = 0;
        for (SubscriberInfo s : subscribers) {
            sent += s.sent();
            delivered += s.delivered();
            failed += s.failed();
            dropped += s.dropped();
            undelivered += s.undelivered();
        }
        return new EventTotals(raised, subscribers.size(), sent, delivered, failed, dropped, undelivered);
    }

    /** Both sums added, counter by counter. */
    public EventTotals plus(EventTotals other) {
        return new EventTotals(raised + other.raised, subscribers + other.subscribers, sent + other.sent,
                delivered + other.delivered, failed + other.failed, dropped + other.dropped,
                undelivered + other.undelivered);
    }
}
