package org.evi4j.core.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.core.internal.Subscriber.Binding;
import org.evi4j.core.internal.Subscriber.Lease;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;

/** Subscribing, refreshing and unsubscribing sockets, with every check a subscription must pass. */
final class Subscriptions {

    private final Settings settings;
    private final EventRegistry registry;
    private final ServiceIndex<EventTransport> transports;
    private final ServiceIndex<EventEncoder> encoders;
    private final Destinations destinations;
    private final Clock clock;
    private final AtomicInteger total;
    private final Runnable changed;

    Subscriptions(Settings settings, EventRegistry registry, ServiceIndex<EventTransport> transports,
            ServiceIndex<EventEncoder> encoders, Destinations destinations, Clock clock, AtomicInteger total,
            Runnable changed) {
        this.settings = settings;
        this.registry = registry;
        this.transports = transports;
        this.encoders = encoders;
        this.destinations = destinations;
        this.clock = clock;
        this.total = total;
        this.changed = changed;
    }

    void subscribe(String event, String socket, int expire) {
        if (expire < 0) {
            throw new IllegalArgumentException("negative expire: " + expire);
        }
        EventEntry entry = registry.require(event);
        SocketSpec spec = SocketSpec.parse(socket);
        if (expire == 0) {
            entry.remove(lookupKey(spec));
            return;
        }
        if (settings.maxExpire() > 0 && expire > settings.maxExpire()) {
            throw new InvalidSubscriptionException("expire " + expire + " exceeds max_expire "
                    + settings.maxExpire());
        }
        EventTransport transport = transports.get(spec.scheme());
        if (transport == null) {
            // not the socket: it may hold a password, and replies and logs must not
            throw new InvalidSubscriptionException("no transport serves scheme '" + spec.scheme() + "'");
        }
        checkEncoder(spec.encoder());
        Binding binding = destinations.parse(transport, spec);
        boolean kept = false;
        try {
            add(entry, spec, binding, expire);
            kept = true;
        } finally {
            if (!kept) {
                destinations.release(transport, binding.destination());
            }
        }
        changed.run();
    }

    /** Synchronized: the limit per destination counts across events, and subscribing is not a hot path. */
    private synchronized void add(EventEntry entry, SocketSpec spec, Binding binding, int expire) {
        if (total.get() >= settings.maxSubscribers()) {
            purgeAll();
        }
        checkPerDestination(entry, SocketSpec.key(spec.scheme(), binding.destination().identity()));
        long now = clock.millis();
        Binding old = entry.put(spec.scheme(), new Lease(now, expire, spec.encoder()), binding, now,
                settings.maxSubscribersPerEvent(), settings.maxSubscribers(), this::reserve);
        if (old != null && old.destination() != binding.destination()) {
            destinations.release(old);
        }
    }

    /** A new subscriber (not a refresh) must leave its destination within {@code max_subscribers_per_destination}. */
    private void checkPerDestination(EventEntry entry, String identity) {
        if (entry.count(identity) > 0) {
            return;
        }
        int same = 0;
        for (EventEntry other : registry.all()) {
            same += other.count(identity);
        }
        if (same >= settings.maxPerDestination()) {
            throw new InvalidSubscriptionException("max_subscribers_per_destination (" + settings.maxPerDestination()
                    + ") reached for this destination");
        }
    }

    private void checkEncoder(String chosen) {
        String name = chosen == null ? settings.defaultEncoder() : chosen;
        if (encoders.get(name) == null) {
            throw new InvalidSubscriptionException("no encoder '" + name + "' is available"
                    + (chosen == null ? " (default_encoder)" : ""));
        }
    }

    private boolean reserve() {
        int n;
        do {
            n = total.get();
            if (n >= settings.maxSubscribers()) {
                return false;
            }
        } while (!total.compareAndSet(n, n + 1));
        return true;
    }

    boolean unsubscribe(String event, String socket) {
        EventEntry entry = registry.require(event);
        return entry.remove(lookupKey(SocketSpec.parse(socket)));
    }

    /** The live subscriber of the event with the same canonical socket. */
    Optional<Subscriber> find(String event, String socket) {
        EventEntry entry = registry.require(event);
        String key = lookupKey(SocketSpec.parse(socket));
        List<Subscriber> live = entry.live(clock.millis());
        for (Subscriber s : live) {
            if (s.identity().equals(key)) {
                return Optional.of(s);
            }
        }
        for (Subscriber s : live) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Removes the expired subscribers of every event. */
    void purgeAll() {
        long now = clock.millis();
        for (EventEntry entry : registry.all()) {
            entry.purge(now);
        }
    }

    /**
     * The identity of a socket: the scheme and where the transport serving the scheme says it leads (canonical, no
     * password, so that a subscriber is found without its password and under any spelling); the address as given
     * when no transport serves the scheme now or it refuses the address, so that such subscribers can still be found
     * and removed by their listed name.
     */
    private String lookupKey(SocketSpec spec) {
        EventTransport transport = transports.get(spec.scheme());
        if (transport != null) {
            try {
                Destination d = transport.parse(spec.address(), DeliveryReport.NONE);
                if (d != null) {
                    String key = SocketSpec.key(spec.scheme(), d.identity());
                    destinations.release(transport, d);
                    return key;
                }
            } catch (RuntimeException e) {
                // fall through: a stored subscriber may hold an address the transport refuses now
            }
        }
        return SocketSpec.key(spec.scheme(), spec.address());
    }
}
