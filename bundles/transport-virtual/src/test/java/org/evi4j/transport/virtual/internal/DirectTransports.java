package org.evi4j.transport.virtual.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.Route;
import org.evi4j.spi.SendResult;
import org.evi4j.spi.Transports;

/**
 * The {@link Transports} service as the core gives it, reduced to what these tests need, over real transports
 * keyed by scheme: a scheme may be taken away and given back (another instance) while routes are open. Counts the
 * routes open, so that tests can check that a refused socket leaves none behind. (The core's own implementation is
 * tested in the core and, with this transport, in a real framework.)
 */
final class DirectTransports implements Transports {

    final Map<String, EventTransport> schemes = new ConcurrentHashMap<>();
    final AtomicInteger open = new AtomicInteger();

    DirectTransports with(String scheme, EventTransport transport) {
        schemes.put(scheme, transport);
        return this;
    }

    @Override
    public Route route(String socket, DeliveryReport report) {
        boolean bare = socket.startsWith("/");
        int colon = socket.indexOf(':');
        if (!bare && colon <= 0) {
            throw new IllegalArgumentException("socket has no scheme");
        }
        String scheme = bare ? "unix" : socket.substring(0, colon);
        String address = bare ? socket : socket.substring(colon + 1);
        DirectRoute route = new DirectRoute(scheme, address, report);
        EventTransport t = schemes.get(scheme);
        if (t != null) {
            route.bind(t, t.parse(address, report));
        }
        open.incrementAndGet();
        return route;
    }

    private final class DirectRoute implements Route {
        private final String scheme;
        private final String address;
        private final DeliveryReport report;
        private volatile EventTransport transport;
        private volatile Destination destination;
        private boolean closed;

        DirectRoute(String scheme, String address, DeliveryReport report) {
            this.scheme = scheme;
            this.address = address;
            this.report = report;
        }

        void bind(EventTransport t, Destination d) {
            transport = t;
            destination = d;
        }

        @Override
        public String socket() {
            return scheme + ':' + (destination == null ? address : destination.address());
        }

        @Override
        public String shownSocket() {
            return scheme + ':' + (destination == null ? address : destination.shownAddress());
        }

        @Override
        public synchronized SendResult send(OutgoingEvent event) {
            if (closed) {
                return SendResult.failed("route closed");
            }
            EventTransport t = schemes.get(scheme);
            if (t == null) {
                report.undelivered(1, "no transport for scheme " + scheme);
                return SendResult.failed("no transport for scheme " + scheme);
            }
            if (t != transport) {
                bind(t, t.parse(address, report));
            }
            SendResult r = t.send(destination, event);
            switch (r.status()) {
                case SENT -> report.sent(1);
                case PENDING -> {
                }
                case DROPPED -> report.dropped(1, r.reason());
                default -> report.failed(1, r.reason());
            }
            return r;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                open.decrementAndGet();
                if (destination != null && schemes.get(scheme) == transport) {
                    transport.release(destination);
                }
            }
        }
    }
}
