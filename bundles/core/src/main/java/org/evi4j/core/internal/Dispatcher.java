package org.evi4j.core.internal;

import java.time.Clock;

import org.evi4j.api.Event;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * The raise hot path: reads the event's snapshot without a lock, hands every live subscriber's transport the event
 * with one {@link Outgoing} per encoder in use (which encodes it at most once, when a transport first asks for the
 * bytes), and counts what became of each send (a pending send is counted later, by the transport's report).
 */
final class Dispatcher {

    private final ServiceIndex<EventTransport> transports;
    private final ServiceIndex<EventEncoder> encoders;
    private final Destinations destinations;
    private final Problems problems;
    private final Clock clock;
    private final ThreadLocal<Outgoing> reusable = ThreadLocal.withInitial(Outgoing::new);

    Dispatcher(ServiceIndex<EventTransport> transports, ServiceIndex<EventEncoder> encoders,
            Destinations destinations, Problems problems, Clock clock) {
        this.transports = transports;
        this.encoders = encoders;
        this.destinations = destinations;
        this.problems = problems;
        this.clock = clock;
    }

    /** @return how many live subscribers the event was for (delivered or not: each outcome is counted) */
    int raise(EventEntry entry, Event event) {
        entry.raised.increment();
        Snapshot snapshot = entry.snapshot();
        Subscriber[] subscribers = snapshot.subscribers();
        if (subscribers.length == 0) {
            return 0;
        }
        long now = clock.millis();
        String[] encoderNames = snapshot.encoders();
        // nearly every event has one encoder in use: its outgoing event is this thread's reusable one, no array
        Outgoing single = null;
        Outgoing[] outgoings = encoderNames.length > 1 ? new Outgoing[encoderNames.length] : null;
        int[] encoderIndex = snapshot.encoderIndex();
        int live = 0;
        boolean expired = false;
        try {
            for (int i = 0; i < subscribers.length; i++) {
                Subscriber s = subscribers[i];
                if (!s.liveAt(now)) {
                    expired = true;
                    continue;
                }
                int e = encoderIndex[i];
                Outgoing outgoing = outgoings == null ? single : outgoings[e];
                if (outgoing == null) {
                    String name = encoderNames[e];
                    if (outgoings == null) {
                        outgoing = single = Outgoing.take(reusable, event, name, encoders.get(name));
                    } else {
                        outgoing = outgoings[e] = new Outgoing(event, name, encoders.get(name));
                    }
                }
                deliver(s, outgoing);
                live++;
            }
        } finally {
            if (single != null) {
                single.done();
            }
        }
        if (expired) {
            entry.purge(now);
        }
        return live;
    }

    private void deliver(Subscriber s, Outgoing outgoing) {
        EventTransport transport = transports.get(s.scheme);
        Destination d = transport == null ? null : destinations.bound(s, transport);
        if (d == null) {
            s.undelivered.increment();
            problems.record(s, transport == null ? "no transport for scheme " + s.scheme : s.lastError);
            return;
        }
        SendResult result;
        try {
            result = transport.send(d, outgoing);
        } catch (Outgoing.NoPayload e) {
            noPayload(s, outgoing);
            return;
        } catch (RuntimeException e) {
            result = SendResult.failed("transport threw " + e);
        }
        count(s, result);
    }

    private void noPayload(Subscriber s, Outgoing outgoing) {
        switch (outgoing.missing()) {
            case NO_ENCODER -> s.undelivered.increment();
            case TOO_LARGE -> s.dropped.increment();
            default -> s.failed.increment();
        }
        problems.record(s, outgoing.reason());
    }

    private void count(Subscriber s, SendResult result) {
        if (result == null) {
            s.failed.increment();
            problems.record(s, "transport returned no result");
            return;
        }
        switch (result.status()) {
            case SENT -> s.sent.increment();
            case PENDING -> {
                // the transport counts it later through the subscriber's DeliveryReport
            }
            case DROPPED -> {
                s.dropped.increment();
                problems.record(s, result.reason());
            }
            default -> {
                s.failed.increment();
                problems.record(s, result.reason());
            }
        }
    }
}
