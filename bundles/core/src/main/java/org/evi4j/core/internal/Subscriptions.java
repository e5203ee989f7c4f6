package org.evi4j.core.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.core.internal.EventEntry.Prior;
import org.evi4j.core.internal.Subscriber.Binding;
import org.evi4j.core.internal.Subscriber.Lease;
import org.evi4j.core.internal.SubscriptionStore.Stored;
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
    private final ChangeLog log;

    /**
     * @param log where every change is made durable before it is answered
     */
    Subscriptions(Settings settings, EventRegistry registry, ServiceIndex<EventTransport> transports,
            ServiceIndex<EventEncoder> encoders, Destinations destinations, Clock clock, AtomicInteger total,
            ChangeLog log) {
        this.settings = settings;
        this.registry = registry;
        this.transports = transports;
        this.encoders = encoders;
        this.destinations = destinations;
        this.clock = clock;
        this.total = total;
        this.log = log;
    }

    void subscribe(String event, String socket, int expire) {
        if (expire < 0) {
            throw new IllegalArgumentException("negative expire: " + expire);
        }
        EventEntry entry = registry.require(event);
        SocketSpec spec = SocketSpec.parse(socket);
        if (expire == 0) {
            remove(entry, lookupKey(entry, spec));
            return;
        }
        checkExpire(expire);
        EventTransport transport = transports.get(spec.scheme());
        if (transport == null) {
            // not the socket: it may hold a password, and replies and logs must not
            throw new InvalidSubscriptionException("no transport serves scheme '" + spec.scheme() + "'");
        }
        checkEncoder(spec.encoder());
        bindRestored(entry, transport, spec.scheme());
        Binding binding = destinations.parse(transport, spec);
        String key = SocketSpec.key(spec.scheme(), binding.destination().identity());
        boolean kept = false;
        try {
            log.commit(() -> add(entry, spec, key, binding, expire));
            kept = true;
        } finally {
            if (!kept && !uses(entry, key, binding)) {
                destinations.release(transport, binding.destination());
            }
        }
    }

    /** Whether the subscriber of that key (put back after a failed change) holds the binding's destination. */
    private static boolean uses(EventEntry entry, String key, Binding binding) {
        Subscriber s = entry.get(key);
        Binding held = s == null ? null : s.binding();
        return held != null && held.destination() == binding.destination();
    }

    /** Synchronized: the limit per destination counts across events, and subscribing is not a hot path. */
    private synchronized ChangeLog.Applied<Void> add(EventEntry entry, SocketSpec spec, String key, Binding binding, int expire) {
        if (total.get() >= settings.maxSubscribers()) {
            purgeAll();
        }
        checkPerDestination(entry, SocketSpec.key(spec.scheme(), binding.destination().identity()));
        long now = clock.millis();
        entry.purge(now); // an expired subscriber goes for good: only live ones are put back
        Prior before = entry.prior(key);
        Binding old = entry.put(spec.scheme(), new Lease(now, expire, spec.encoder()), binding, now,
                settings.maxSubscribersPerEvent(), settings.maxSubscribers(), this::reserve);
        Subscriber s = entry.get(key);
        Lease lease = s.lease();
        JournalRecord record = new JournalRecord.Put(new Stored(entry.name, s.scheme, s.address(), s.shown,
                lease.encoder(), lease.subscribedAt(), lease.expire()));
        Runnable undo = () -> {
            entry.revert(key, before);
            if (before == null) {
                total.decrementAndGet();
            }
        };
        Runnable durable = () -> {
            if (old != null && old.destination() != binding.destination()) {
                destinations.release(old);
            }
        };
        return ChangeLog.Applied.changed(null, record, undo, durable);
    }

    /** Removes a subscriber once its removal is durable; whether there was one. */
    private boolean remove(EventEntry entry, String key) {
        return log.commit(() -> {
            Prior taken = entry.take(key);
            if (taken == null) {
                return ChangeLog.Applied.unchanged(false);
            }
            total.decrementAndGet();
            Subscriber s = taken.subscriber();
            return ChangeLog.Applied.changed(true, new JournalRecord.Remove(entry.name, s.scheme, s.shown), () -> {
                entry.revert(key, taken);
                total.incrementAndGet();
            }, () -> destinations.release(taken.binding()));
        });
    }

    /**
     * Brings back a saved subscription through the checks a subscription passes that do not need its transport
     * (which may not be bound yet): max_expire and the limits; its address is parsed when the first event goes to it.
     *
     * @return whether it was added (false: expired, or already there)
     * @throws InvalidSubscriptionException when a check refuses it
     * @throws IllegalArgumentException     when its event name is not valid
     */
    boolean restore(Stored saved) {
        checkExpire(saved.expire());
        long now = clock.millis();
        // a time in the future (a clock set back, or a crafted file) never gives more than the expire
        Lease lease = new Lease(Math.min(saved.subscribedAt(), now), saved.expire(), saved.encoder());
        if (now >= lease.expiresAt()) {
            return false;
        }
        EventEntry entry = registry.publish(saved.event());
        return entry.restore(new Subscriber(saved.scheme(), saved.address(), saved.shown(), lease, null),
                settings.maxSubscribersPerEvent(), settings.maxSubscribers(), this::reserve);
    }

    private void checkExpire(int expire) {
        if (expire <= 0) {
            throw new InvalidSubscriptionException("expire " + expire + " is not positive");
        }
        if (settings.maxExpire() > 0 && expire > settings.maxExpire()) {
            throw new InvalidSubscriptionException("expire " + expire + " exceeds max_expire "
                    + settings.maxExpire());
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
        return remove(entry, lookupKey(entry, SocketSpec.parse(socket)));
    }

    /** The live subscriber of the event with the same canonical socket. */
    Optional<Subscriber> find(String event, String socket) {
        EventEntry entry = registry.require(event);
        String key = lookupKey(entry, SocketSpec.parse(socket));
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

    /**
     * Parses the addresses of the event's subscribers of that scheme that have none parsed yet (read back after a
     * restart, or left by a transport that went away), as their next event would: only then is their identity
     * known, which a socket spelled another way is matched against.
     */
    private void bindRestored(EventEntry entry, EventTransport transport, String scheme) {
        for (Subscriber s : entry.all()) {
            if (s.binding() == null && s.scheme.equals(scheme)) {
                destinations.bindHere(s, transport);
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
     * The identity of a socket: the scheme and where the transport serving the scheme says it leads (canonical, no
     * password, so that a subscriber is found without its password and under any spelling); the address as given
     * when no transport serves the scheme now or it refuses the address, so that such subscribers can still be found
     * and removed by their listed name.
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
