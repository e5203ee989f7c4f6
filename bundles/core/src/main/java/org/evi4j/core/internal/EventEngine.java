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
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.Route;
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
    private final AtomicInteger total = new AtomicInteger();
    private final Destinations destinations;
    private final EventRegistry registry;
    private final Subscriptions subscriptions;
    private final Dispatcher dispatcher;
    private final ServiceIndex<EventEncoder> encoders;

    /**
     * @param clock wall-clock time of subscriptions and expiry
     * @param log   where subscription changes are made durable before they are answered
     */
    EventEngine(Settings settings, ServiceIndex<EventTransport> transports, ServiceIndex<EventEncoder> encoders,
            Clock clock, ChangeLog log) {
        this(settings, transports, encoders, clock, log, Runnable::run);
    }

    /**
     * @param binder runs the (re)parsing of subscribers' addresses, off the raising thread; {@code Runnable::run}
     *               parses on the caller's thread
     */
    EventEngine(Settings settings, ServiceIndex<EventTransport> transports, ServiceIndex<EventEncoder> encoders,
            Clock clock, ChangeLog log, Executor binder) {
        this.settings = settings;
        this.clock = clock;
        this.transports = transports;
        this.encoders = encoders;
        Problems problems = new Problems(clock);
        this.destinations = new Destinations(transports, settings.allowedDestinations(),
                settings.allowedUnixFolders(), problems, binder);
        this.registry = new EventRegistry(settings.defaultEncoder(), this::removed);
        this.subscriptions = new Subscriptions(settings, registry, transports, encoders, destinations, clock, total,
                log);
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

    /** A route to a socket of any transport, for transports that reach others ({@code Transports}). */
    Route route(String socket, DeliveryReport report) {
        return CoreRoute.open(socket, report, transports, encoders, destinations);
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

    /**
     * Brings back saved subscriptions with their remaining time (counted from the original subscription) through
     * the checks of a subscription (max_expire, the limits; see {@link Subscriptions#restore}); expired ones are
     * skipped, refused ones counted and logged once. Events not published yet are published, so their ids follow
     * the order they first appear in. Addresses are parsed when the first event goes to them, so subscriptions whose
     * transport is absent wait for it.
     *
     * @return the subscriptions restored, in order: what the journal starts from
     */
    List<Stored> restore(List<Stored> saved) {
        List<Stored> restored = new ArrayList<>(saved.size());
        int refused = 0;
        String firstRefusal = null;
        for (Stored s : saved) {
            try {
                if (registry.get(s.event()) == null) {
                    LOG.info("published event {} (id {}) for its saved subscriptions", s.event(),
                            registry.publish(s.event()).id);
                }
                if (subscriptions.restore(s)) {
                    restored.add(s);
                }
            } catch (InvalidSubscriptionException | IllegalArgumentException e) {
                refused++;
                firstRefusal = firstRefusal == null ? e.getMessage() : firstRefusal;
            }
        }
        if (refused > 0) {
            LOG.warn("{} saved subscriptions refused by the limits or checks of a subscription (first: {})", refused,
                    firstRefusal);
        }
        if (!saved.isEmpty()) {
            LOG.info("restored {} of {} saved subscriptions (the others had expired or were refused)",
                    restored.size(), saved.size());
        }
        return restored;
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
    }
}
