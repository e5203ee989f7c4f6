package org.evi4j.jmx.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;

/** The MXBean: reads the Event Interface afresh on every call, so values are never stale. */
final class EventInterfaceStatistics implements EventInterfaceMXBean {

    private final EventInterface evi;

    EventInterfaceStatistics(EventInterface evi) {
        this.evi = evi;
    }

    @Override
    public List<EventStatistics> getEvents() {
        List<EventStatistics> list = new ArrayList<>();
        for (EventInfo e : evi.events()) {
            List<SubscriberInfo> subs = subscribers(e.name());
            list.add(new EventStatistics(e.name(), e.id(), e.raised(), subs.size(), sum(subs, SubscriberInfo::sent),
                    sum(subs, SubscriberInfo::delivered), sum(subs, SubscriberInfo::failed), sum(subs, SubscriberInfo::dropped),
                    sum(subs, SubscriberInfo::undelivered)));
        }
        return list;
    }

    @Override
    public Map<String, Long> getRaised() {
        Map<String, Long> raised = new LinkedHashMap<>();
        for (EventInfo e : evi.events()) {
            raised.put(e.name(), e.raised());
        }
        return raised;
    }

    @Override
    public List<SubscriberStatistics> getSubscribers() {
        List<SubscriberStatistics> list = new ArrayList<>();
        for (EventInfo e : evi.events()) {
            for (SubscriberInfo s : subscribers(e.name())) {
                list.add(new SubscriberStatistics(e.name(), s));
            }
        }
        return list;
    }

    @Override
    public int getEventCount() {
        return evi.events().size();
    }

    @Override
    public int getSubscriberCount() {
        return allSubscribers().size();
    }

    @Override
    public long getTotalRaised() {
        long total = 0;
        for (EventInfo e : evi.events()) {
            total += e.raised();
        }
        return total;
    }

    @Override
    public long getTotalSent() {
        return sum(allSubscribers(), SubscriberInfo::sent);
    }

    @Override
    public long getTotalDelivered() {
        return sum(allSubscribers(), SubscriberInfo::delivered);
    }

    @Override
    public long getTotalFailed() {
        return sum(allSubscribers(), SubscriberInfo::failed);
    }

    @Override
    public long getTotalDropped() {
        return sum(allSubscribers(), SubscriberInfo::dropped);
    }

    @Override
    public long getTotalUndelivered() {
        return sum(allSubscribers(), SubscriberInfo::undelivered);
    }

    @Override
    public void resetStatistics() {
        evi.resetStatistics();
    }

    private List<SubscriberInfo> allSubscribers() {
        List<SubscriberInfo> all = new ArrayList<>();
        for (EventInfo e : evi.events()) {
            all.addAll(subscribers(e.name()));
        }
        return all;
    }

    /** The event's subscribers; none when it vanished meanwhile (the core never unpublishes, a stand-in might). */
    private List<SubscriberInfo> subscribers(String event) {
        try {
            return evi.subscribers(event);
        } catch (UnknownEventException e) {
            return List.of();
        }
    }

    private static long sum(List<SubscriberInfo> subscribers, ToLongFunction<SubscriberInfo> counter) {
        long total = 0;
        for (SubscriberInfo s : subscribers) {
            total += counter.applyAsLong(s);
        }
        return total;
    }
}
