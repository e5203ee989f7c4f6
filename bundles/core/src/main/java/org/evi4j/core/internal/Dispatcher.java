package org.evi4j.core.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.evi4j.support.LogLimiter;
import org.evi4j.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raise hot path: reads the event's snapshot without a lock, encodes the event at most once per encoder in
 * use, sends the same bytes to every live subscriber of that encoder, and counts what became of each send (a
 * pending send is counted later, by the transport's report).
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Marks, by identity, an encoder that is missing or failed in this raise. */
    private final ByteBuffer noEncoder = ByteBuffer.allocate(0);
    private final ByteBuffer encoderFailed = ByteBuffer.allocate(0);
    private final ServiceIndex<EventTransport> transports;
    private final ServiceIndex<EventEncoder> encoders;
    private final Destinations destinations;
    private final Problems problems;
    private final Clock clock;
    private final LogLimiter encoderWarnings = new LogLimiter(10, 1, TimeUnit.SECONDS);

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
        // nearly every event has one encoder in use: keep its payload in a local, no array per raise
        ByteBuffer single = null;
        ByteBuffer[] payloads = encoderNames.length > 1 ? new ByteBuffer[encoderNames.length] : null;
        int[] encoderIndex = snapshot.encoderIndex();
        int live = 0;
        boolean expired = false;
        for (int i = 0; i < subscribers.length; i++) {
            Subscriber s = subscribers[i];
            if (!s.liveAt(now)) {
                expired = true;
                continue;
            }
            int e = encoderIndex[i];
            ByteBuffer payload = payloads == null ? single : payloads[e];
            if (payload == null) {
                payload = encode(encoderNames[e], event);
                if (payloads == null) {
                    single = payload;
                } else {
                    payloads[e] = payload;
                }
            }
            deliver(s, payload, encoderNames[e]);
            live++;
        }
        if (expired) {
            entry.purge(now);
        }
        return live;
    }

    private ByteBuffer encode(String encoderName, Event event) {
        EventEncoder encoder = encoders.get(encoderName);
        if (encoder == null) {
            return noEncoder;
        }
        try {
            return ByteBuffer.wrap(encoder.encode(event));
        } catch (RuntimeException e) {
            long skipped = encoderWarnings.permit();
            if (skipped >= 0) {
                LOG.warn("encoder {} failed on event {}{}", LogText.escape(encoderName), LogText.escape(event.name()),
                        LogLimiter.suppressedNote(skipped), e);
            }
            return encoderFailed;
        }
    }

    private void deliver(Subscriber s, ByteBuffer payload, String encoderName) {
        if (payload == noEncoder) {
            s.undelivered.increment();
            problems.record(s, "no encoder " + encoderName);
            return;
        }
        if (payload == encoderFailed) {
            s.failed.increment();
            problems.record(s, "encoder " + encoderName + " failed");
            return;
        }
        if (payload.capacity() > EventInterface.MAX_DATAGRAM) {
            s.dropped.increment();
            problems.record(s, "event of " + payload.capacity() + " bytes exceeds " + EventInterface.MAX_DATAGRAM);
            return;
        }
        EventTransport transport = transports.get(s.scheme);
        Destination d = transport == null ? null : destinations.bound(s, transport);
        if (d == null) {
            s.undelivered.increment();
            problems.record(s, transport == null ? "no transport for scheme " + s.scheme : s.lastError);
            return;
        }
        payload.clear();
        send(s, transport, d, payload);
    }

    private void send(Subscriber s, EventTransport transport, Destination d, ByteBuffer payload) {
        SendResult result;
        try {
            result = transport.send(d, payload);
        } catch (RuntimeException e) {
            result = SendResult.failed("transport threw " + e);
        }
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
