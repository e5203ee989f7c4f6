package org.evi4j.core.internal;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.Route;
import org.evi4j.spi.SendResult;

/**
 * A {@link Route}: one socket sent through whichever transport serves its scheme at the time, counted as a plain
 * subscriber of it would be, in the report it was opened with. The destination belongs to the transport instance
 * that parsed it: when another instance serves the scheme, the address is parsed again (and a refusal is kept, so
 * that it is not parsed again on every send).
 */
final class CoreRoute implements Route {

    private static final SendResult CLOSED = SendResult.failed("route closed");

    private final SocketSpec spec;
    private final DeliveryReport report;
    private final ServiceIndex<EventTransport> transports;
    private final ServiceIndex<EventEncoder> encoders;
    private final Destinations destinations;
    private volatile Parsed parsed;
    private volatile boolean closed;

    private CoreRoute(SocketSpec spec, DeliveryReport report, ServiceIndex<EventTransport> transports,
            ServiceIndex<EventEncoder> encoders, Destinations destinations, Parsed parsed) {
        this.spec = spec;
        this.report = report;
        this.transports = transports;
        this.encoders = encoders;
        this.destinations = destinations;
        this.parsed = parsed;
    }

    /**
     * Opens a route; parses and checks the address now when a transport serves the scheme.
     *
     * @throws IllegalArgumentException when the socket has no scheme or that transport refuses the address
     */
    static CoreRoute open(String socket, DeliveryReport report, ServiceIndex<EventTransport> transports,
            ServiceIndex<EventEncoder> encoders, Destinations destinations) {
        try {
            SocketSpec spec = SocketSpec.parse(socket);
            EventTransport transport = transports.get(spec.scheme());
            Parsed parsed = transport == null ? null
                    : new Parsed(transport, destinations.checked(transport, spec, report), null);
            return new CoreRoute(spec, report, transports, encoders, destinations, parsed);
        } catch (InvalidSubscriptionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String socket() {
        Parsed p = parsed;
        return text(p == null || p.destination == null ? spec.address() : p.destination.address());
    }

    @Override
    public String shownSocket() {
        Parsed p = parsed;
        return text(p == null || p.destination == null ? spec.address() : p.destination.shownAddress());
    }

    private String text(String address) {
        String socket = SocketSpec.key(spec.scheme(), address);
        return spec.encoder() == null ? socket : socket + ";encoder=" + spec.encoder();
    }

    @Override
    public SendResult send(OutgoingEvent event) {
        if (closed) {
            return CLOSED;
        }
        EventTransport transport = transports.get(spec.scheme());
        if (transport == null) {
            return undelivered("no transport for scheme " + spec.scheme());
        }
        Parsed p = parsedBy(transport);
        if (p.destination == null) {
            return undelivered(p.error);
        }
        OutgoingEvent outgoing = event;
        if (spec.encoder() != null && !spec.encoder().equals(event.encoder())) {
            outgoing = new Outgoing(event.event(), spec.encoder(), encoders.get(spec.encoder()));
        }
        SendResult result;
        try {
            result = transport.send(p.destination, outgoing);
        } catch (Outgoing.NoPayload e) {
            return noPayload(outgoing, e);
        } catch (RuntimeException e) {
            result = SendResult.failed("transport threw " + e);
        }
        return count(result == null ? SendResult.failed("transport returned no result") : result);
    }

    private SendResult undelivered(String reason) {
        report.undelivered(1, reason);
        return SendResult.failed(reason);
    }

    private SendResult noPayload(OutgoingEvent outgoing, Outgoing.NoPayload e) {
        Outgoing.Missing missing = outgoing instanceof Outgoing o ? o.missing() : Outgoing.Missing.ENCODER_FAILED;
        return switch (missing) {
            case NO_ENCODER -> undelivered(e.getMessage());
            case TOO_LARGE -> count(SendResult.dropped(e.getMessage()));
            default -> count(SendResult.failed(e.getMessage()));
        };
    }

    private SendResult count(SendResult result) {
        switch (result.status()) {
            case SENT -> report.sent(1);
            case PENDING -> {
                // the transport reports it later, to the same report
            }
            case DROPPED -> report.dropped(1, result.reason());
            default -> report.failed(1, result.reason());
        }
        return result;
    }

    private Parsed parsedBy(EventTransport transport) {
        Parsed p = parsed;
        if (p != null && p.transport == transport) {
            return p;
        }
        synchronized (this) {
            p = parsed;
            if (p != null && p.transport == transport) {
                return p;
            }
            Parsed fresh;
            try {
                fresh = new Parsed(transport, destinations.checked(transport, spec, report), null);
            } catch (InvalidSubscriptionException e) {
                fresh = new Parsed(transport, null, e.getMessage());
            }
            parsed = fresh;
            releaseParsed(p);
            return fresh;
        }
    }

    @Override
    public void close() {
        Parsed p;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            p = parsed;
            parsed = null;
        }
        releaseParsed(p);
    }

    private void releaseParsed(Parsed p) {
        if (p != null && p.destination != null && destinations.bound(p.transport)) {
            destinations.release(p.transport, p.destination);
        }
    }

    @Override
    public String toString() {
        return shownSocket();
    }

    /** A destination parsed by one transport instance, or why that instance refused the address. */
    private record Parsed(EventTransport transport, Destination destination, String error) {
    }
}
