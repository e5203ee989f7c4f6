package org.evi4j.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.core.internal.Subscriber.Lease;
import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Event Interface without OSGi: events, subscriptions and dispatch over the transports and encoders in two
 * indexes that the owner keeps up to date. {@link #raise} returns how many live subscribers the event was for
 * (what became of each send is counted in the subscriber's statistics).
 */
final class EventEngine implements EventInterface {

    private static final Logger LOG = LoggerFactory.getLogger(EventEngine.class);

    private final Settings settings;
    private final ServiceIndex<EventTransport> transports;
    private final Clock clock;
    private final Runnable changed;
    private final AtomicInteger total = new AtomicInteger();
    private final Destinations destinations;
    private final EventRegistry registry;
    private final Subscriptions subscriptions;
    private final Dispatcher dispatcher;

    /**
     * @param clock   wall-clock time of subscriptions and expiry
     * @param changed told whenever the subscriptions changed (to save them)
     */
    EventEngine(Settings settings, ServiceIndex<EventTransport> transports, ServiceIndex<EventEncoder> encoders,
            Clock clock, Runnable changed) {
        this(settings, transports, encoders, clock, changed, Runnable::run);
    }

    /**
     * @param binder runs the (re)parsing of subscribers' addresses, off the raising thread; {@code Runnable::run}
     *               parses on the caller's thread
     */
    EventEngine(Settings settings, ServiceIndex<EventTransport> transports, ServiceIndex<EventEncoder> encoders,
            Clock clock, Runnable changed, Executor binder) {
        this.settings = settings;
        this.transports = transports;
        this.clock = clock;
        this.changed = changed;
        Problems problems = new Problems(clock);
        this.destinations = new Destinations(transports, settings.allowedDestinations(),
                settings.allowedUnixFolders(), problems, binder);
        this.registry = new EventRegistry(settings.defaultEncoder(), this::removed);
        this.subscriptions = new Subscriptions(settings, registry, transports, encoders, destinations, clock, total,
                changed);
        this.dispatcher = new Dispatcher(transports, encoders, destinations, problems, clock);
    }

    @Override
    public int publish(String name) {
        return registry.publish(name).id;
    }

    @Override
    public Optional<EventInfo> event(String name) {
        EventEntry entry = registry.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.info());
    }

    @Override
    public List<EventInfo> events() {
        EventEntry[] all = registry.all();
        List<EventInfo> out = new ArrayList<>(all.length);
        for (EventEntry entry : all) {
            out.add(entry.info());
        }
        return out;
    }

    @Override
    public boolean hasSubscribers(String name) {
        EventEntry entry = registry.get(name);
        if (entry == null) {
            return false;
        }
        return entry.hasLive(clock.millis());
    }

    @Override
    public int raise(Event event) {
        return dispatcher.raise(registry.require(event.name()), event);
    }

    @Override
    public void subscribe(String event, String socket, int expire) {
        subscriptions.subscribe(event, socket, expire);
    }

    @Override
    public void subscribe(String event, String socket) {
        subscriptions.subscribe(event, socket, settings.defaultExpire());
    }

    @Override
    public boolean unsubscribe(String event, String socket) {
        return subscriptions.unsubscribe(event, socket);
    }

    @Override
    public List<SubscriberInfo> subscribers(String event) {
        long now = clock.millis();
        List<Subscriber> live = registry.require(event).live(now);
        List<SubscriberInfo> out = new ArrayList<>(live.size());
        for (Subscriber s : live) {
            out.add(s.info(now, settings.defaultEncoder()));
        }
        return out;
    }

    @Override
    public Optional<SubscriberInfo> subscriber(String event, String socket) {
        return subscriptions.find(event, socket).map(s -> s.info(clock.millis(), settings.defaultEncoder()));
    }

    @Override
    public void resetStatistics() {
        for (EventEntry entry : registry.all()) {
            entry.resetStatistics();
        }
    }

    /** Removes the expired subscribers of every event (the periodic sweep). */
    void purgeExpired() {
        subscriptions.purgeAll();
    }

    /**
     * Has the binder parse the address of every subscriber not bound to the transport serving its scheme now (after
     * a restore, or when a transport came), so that the first event after a restart finds them ready and the
     * raising thread never waits for a host name.
     */
    void bindAll() {
        for (EventEntry entry : registry.all()) {
            for (Subscriber s : entry.all()) {
                EventTransport transport = transports.get(s.scheme);
                if (transport != null) {
                    destinations.bound(s, transport);
                }
            }
        }
    }

    /** Forgets what a transport that went away parsed; its subscribers stay and wait for another one. */
    void forget(EventTransport gone) {
        for (EventEntry entry : registry.all()) {
            entry.all().forEach(s -> destinations.forget(s, gone));
        }
    }

    /** Every live subscription, events in id order, each event's subscribers oldest first. */
    List<Stored> stored() {
        long now = clock.millis();
        List<Stored> out = new ArrayList<>();
        for (EventEntry entry : registry.all()) {
            List<Subscriber> newestFirst = entry.all();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                Subscriber s = newestFirst.get(i);
                Lease l = s.lease();
                if (s.liveAt(now)) {
                    out.add(new Stored(entry.name, s.scheme, s.address(), s.shown, l.encoder(), l.subscribedAt(),
                            l.expire()));
                }
            }
        }
        return out;
    }

    /**
     * Brings back saved subscriptions with their remaining time; expired ones are skipped. Events not published
     * yet are published, so their ids follow the order they first appear in. Addresses are parsed when the first
     * event goes to them, so subscriptions whose transport is absent wait for it.
     */
    void restore(List<Stored> saved) {
        long now = clock.millis();
        int restored = 0;
        for (Stored s : saved) {
            Lease lease = new Lease(s.subscribedAt(), s.expire(), s.encoder());
            if (now >= lease.expiresAt()) {
                continue;
            }
            try {
                if (registry.get(s.event()) == null) {
                    LOG.info("published event {} (id {}) for its saved subscriptions", s.event(),
                            registry.publish(s.event()).id);
                }
                EventEntry entry = registry.publish(s.event());
                if (entry.restore(new Subscriber(s.scheme(), s.address(), s.shown(), lease, null))) {
                    total.incrementAndGet();
                    restored++;
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("saved subscription of {} skipped: {}", s.event(), e.getMessage());
            }
        }
        if (!saved.isEmpty()) {
            LOG.info("restored {} of {} saved subscriptions (the others had expired)", restored, saved.size());
        }
    }

    /** Removes every subscriber, giving their destinations back to the transports. */
    void close() {
        for (EventEntry entry : registry.all()) {
            entry.clear();
        }
    }

    private void removed(Subscriber s) {
        total.decrementAndGet();
        destinations.release(s.binding());
        changed.run();
    }
}
