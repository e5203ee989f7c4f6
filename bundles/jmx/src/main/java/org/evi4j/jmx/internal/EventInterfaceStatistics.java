package org.evi4j.jmx.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EventTotals;
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
            EventTotals t = evi.totals(e);
            list.add(new EventStatistics(e.name(), e.id(), t.raised(), t.subscribers(), t.sent(), t.delivered(),
                    t.failed(), t.dropped(), t.undelivered()));
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
        return evi.totals().subscribers();
    }

    @Override
    public long getTotalRaised() {
        return evi.totals().raised();
    }

    @Override
    public long getTotalSent() {
        return evi.totals().sent();
    }

    @Override
    public long getTotalDelivered() {
        return evi.totals().delivered();
    }

    @Override
    public long getTotalFailed() {
        return evi.totals().failed();
    }

    @Override
    public long getTotalDropped() {
        return evi.totals().dropped();
    }

    @Override
    public long getTotalUndelivered() {
        return evi.totals().undelivered();
    }

    @Override
    public void resetStatistics() {
        evi.resetStatistics();
    }

    /** The event's subscribers; none when it vanished meanwhile (the core never unpublishes, a stand-in might). */
    private List<SubscriberInfo> subscribers(String event) {
        try {
            return evi.subscribers(event);
        } catch (UnknownEventException e) {
            return List.of();
        }
    }
}
