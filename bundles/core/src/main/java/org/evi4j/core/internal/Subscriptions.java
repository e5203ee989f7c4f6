package org.evi4j.core.internal;

import java.time.Clock;
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
            entry.remove(lookupKey(entry, spec));
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
        bindRestored(entry, transport, spec.scheme());
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

    private void add(EventEntry entry, SocketSpec spec, Binding binding, int expire) {
        if (total.get() >= settings.maxSubscribers()) {
            purgeAll();
        }
        long now = clock.millis();
        Binding old = entry.put(spec.scheme(), new Lease(now, expire, spec.encoder()), binding, now,
                settings.maxSubscribersPerEvent(), settings.maxSubscribers(), this::reserve);
        if (old != null && old.destination() != binding.destination()) {
            destinations.release(old);
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
        return entry.remove(lookupKey(entry, SocketSpec.parse(socket)));
    }

    /** The live subscriber of the event with the same canonical socket. */
    Optional<Subscriber> find(String event, String socket) {
        EventEntry entry = registry.require(event);
        String key = lookupKey(entry, SocketSpec.parse(socket));
        for (Subscriber s : entry.live(clock.millis())) {
            if (s.identity.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses the addresses of the event's subscribers of that scheme that have none parsed yet (read back after a
     * restart, or left by a transport that went away), as their next event would: only then is their identity
     * known, which a socket spelled another way is matched against.
     */
    private void bindRestored(EventEntry entry, EventTransport transport, String scheme) {
        for (Subscriber s : entry.all()) {
            if (s.binding() == null && s.scheme.equals(scheme)) {
                destinations.bound(s, transport);
            }
        }
    }

    /** Removes the expired subscribers of every event. */
    void purgeAll() {
        long now = clock.millis();
        for (EventEntry entry : registry.all()) {
            entry.purge(now);
        }
    }

    /**
     * The identity of a socket: the scheme and the address as the transport serving the scheme tells subscribers
     * apart (canonical, no password, so that a subscriber is found without its password); the address as given
     * when no transport serves the scheme now or it refuses the address, so that such subscribers can still be
     * found and removed.
     */
    private String lookupKey(EventEntry entry, SocketSpec spec) {
        EventTransport transport = transports.get(spec.scheme());
        if (transport != null) {
            bindRestored(entry, transport, spec.scheme());
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
