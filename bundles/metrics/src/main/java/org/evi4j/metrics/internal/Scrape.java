package org.evi4j.metrics.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.mi.MiEndpointStatistics;
import org.evi4j.spi.TransportQueues;

/**
 * One scrape: every evi4j statistic now, as Prometheus families. Subscribers are labelled by event and the socket
 * as the Event Interface lists it (secrets already left out there).
 */
final class Scrape {
    private final EventInterface evi;
    private final List<MiEndpointStatistics> endpoints;
    private final List<TransportQueues> transports;

    /**
     * @param evi        the Event Interface, or {@code null} when none is there (then no event families)
     * @param endpoints  the MI endpoints open now
     * @param transports the transports with send queues
     */
    Scrape(EventInterface evi, List<MiEndpointStatistics> endpoints, List<TransportQueues> transports) {
        this.evi = evi;
        this.endpoints = endpoints;
        this.transports = transports;
    }

    private record Subscriber(String event, SubscriberInfo info) {
    }

    String text() {
        PrometheusText text = new PrometheusText();
        if (evi != null) {
            events(text);
        }
        mi(text);
        queues(text);
        return text.toString();
    }

    private void events(PrometheusText text) {
        List<EventInfo> events = evi.events();
        List<Subscriber> subscribers = new ArrayList<>();
        text.family("evi4j_events_raised_total", "counter", "Times each published event was raised");
        for (EventInfo event : events) {
            text.sample("evi4j_events_raised_total", event.raised(), "event", event.name());
        }
        text.family("evi4j_event_subscribers", "gauge", "Live subscribers of each published event");
        for (EventInfo event : events) {
            List<SubscriberInfo> live = evi.subscribers(event.name());
            live.forEach(s -> subscribers.add(new Subscriber(event.name(), s)));
            text.sample("evi4j_event_subscribers", live.size(), "event", event.name());
        }
        subscriberFamily(text, subscribers, "sent", "Events handed to the network for each subscriber");
        subscriberFamily(text, subscribers, "delivered",
                "Events the far end confirmed for each subscriber (broker confirms; 0 for datagrams)");
        subscriberFamily(text, subscribers, "failed", "Sends the transport reported as failed for each subscriber");
        subscriberFamily(text, subscribers, "dropped",
                "Events not sent to each subscriber: over the size limit or its queue full");
        subscriberFamily(text, subscribers, "undelivered",
                "Events for each subscriber that found no transport or encoder");
        text.family("evi4j_subscriber_ttl_seconds", "gauge", "Seconds left of each subscription");
        for (Subscriber s : subscribers) {
            text.sample("evi4j_subscriber_ttl_seconds", s.info().ttl(), "event", s.event(), "socket",
                    s.info().socket());
        }
    }

    private static void subscriberFamily(PrometheusText text, List<Subscriber> subscribers, String counter,
            String help) {
        String name = "evi4j_subscriber_" + counter + "_total";
        text.family(name, "counter", help);
        for (Subscriber s : subscribers) {
            text.sample(name, value(s.info(), counter), "event", s.event(), "socket", s.info().socket());
        }
    }

    private static long value(SubscriberInfo info, String counter) {
        switch (counter) {
            case "sent":
                return info.sent();
            case "delivered":
                return info.delivered();
            case "failed":
                return info.failed();
            case "dropped":
                return info.dropped();
            default:
                return info.undelivered();
        }
    }

    private void queues(PrometheusText text) {
        List<String[]> labels = new ArrayList<>();
        List<TransportQueues.Queue> queues = new ArrayList<>();
        for (TransportQueues transport : transports) {
            for (TransportQueues.Queue queue : transport.queues()) {
                labels.add(new String[] {"transport", transport.scheme(), "target", queue.target()});
                queues.add(queue);
            }
        }
        text.family("evi4j_transport_queue_depth", "gauge", "Events waiting in a transport's send queue");
        for (int i = 0; i < queues.size(); i++) {
            text.sample("evi4j_transport_queue_depth", queues.get(i).depth(), labels.get(i));
        }
        text.family("evi4j_transport_queue_dropped_total", "counter",
                "Events a transport's send queue did not take (full) or gave up");
        for (int i = 0; i < queues.size(); i++) {
            text.sample("evi4j_transport_queue_dropped_total", queues.get(i).dropped(), labels.get(i));
        }
    }

    private void mi(PrometheusText text) {
        text.family("evi4j_mi_requests_total", "counter", "MI requests handed to the dispatcher, per MI socket");
        endpoints.forEach(e -> text.sample("evi4j_mi_requests_total", e.requests(), "socket", e.socket()));
        text.family("evi4j_mi_replies_total", "counter", "MI replies sent, per MI socket");
        endpoints.forEach(e -> text.sample("evi4j_mi_replies_total", e.replies(), "socket", e.socket()));
        text.family("evi4j_mi_errors_total", "counter",
                "MI requests a socket could not serve (receive or dispatch failures; HTTP error statuses)");
        endpoints.forEach(e -> text.sample("evi4j_mi_errors_total", e.errors(), "socket", e.socket()));
        text.family("evi4j_mi_refused_total", "counter", "MI requests refused for their source, per MI socket");
        endpoints.forEach(e -> text.sample("evi4j_mi_refused_total", e.refused(), "socket", e.socket()));
    }
}
