package org.evi4j.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.evi4j.api.EventInfo;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.core.internal.Subscriber.Binding;
import org.evi4j.core.internal.Subscriber.Lease;
import org.evi4j.spi.Destination;

/**
 * A published event and its subscribers. Changes are made under the entry's lock and publish a new
 * {@link Snapshot}, which raises read without locking.
 */
final class EventEntry {

    final String name;
    final int id;
    final LongAdder raised = new LongAdder();
    private final String defaultEncoder;
    private final Consumer<Subscriber> onRemoved;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /**
     * @param onRemoved told of every subscriber removed (expired or unsubscribed), under the entry's lock
     */
    EventEntry(String name, int id, String defaultEncoder, Consumer<Subscriber> onRemoved) {
        this.name = name;
        this.id = id;
        this.defaultEncoder = defaultEncoder;
        this.onRemoved = onRemoved;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    EventInfo info() {
        return new EventInfo(name, id, raised.sum());
    }

    /**
     * Refreshes the subscriber with the binding's identity (new address, lease and binding) or adds a new one at
     * the head. The identity is the scheme and where the destination really is, without secrets, so that another
     * spelling of the same place or a new password refreshes the subscriber rather than adding another.
     *
     * @param binding a binding with a destination
     * @param reserve takes one place in the global limit; false when it is full
     * @return the refreshed subscriber's previous binding (for the caller to release), or {@code null}
     * @throws InvalidSubscriptionException when a limit is reached
     */
    synchronized Binding put(String scheme, Lease lease, Binding binding, long now, int maxPerEvent, int maxTotal,
            BooleanSupplier reserve) {
        purge(now);
        Destination d = binding.destination();
        Subscriber existing = findIdentity(SocketSpec.key(scheme, d.identity()));
        if (existing != null) {
            Binding old;
            synchronized (existing) {
                old = existing.binding();
                existing.rebind(d.address(), binding);
            }
            existing.lease(lease);
            publish();
            return old;
        }
        admit(maxPerEvent, maxTotal, reserve);
        subscribers.add(0, new Subscriber(scheme, d.address(), d.shownAddress(), lease, binding));
        publish();
        return null;
    }

    /**
     * Adds a subscriber read back from storage at the head, unless one with its key is there already, within the
     * same limits as {@link #put}.
     *
     * @throws InvalidSubscriptionException when a limit is reached
     */
    synchronized boolean restore(Subscriber subscriber, int maxPerEvent, int maxTotal, BooleanSupplier reserve) {
        if (findIdentity(subscriber.identity()) != null) {
            return false;
        }
        admit(maxPerEvent, maxTotal, reserve);
        subscribers.add(0, subscriber);
        publish();
        return true;
    }

    /** The checks a new subscriber passes (live or restored); takes its place in the global limit. */
    private void admit(int maxPerEvent, int maxTotal, BooleanSupplier reserve) {
        if (subscribers.size() >= maxPerEvent) {
            throw new InvalidSubscriptionException("max_subscribers_per_event (" + maxPerEvent
                    + ") reached for event " + name);
        }
        if (!reserve.getAsBoolean()) {
            throw new InvalidSubscriptionException("max_subscribers (" + maxTotal + ") reached");
        }
    }

    /** The subscriber with that key, or {@code null}. */
    synchronized Subscriber get(String key) {
        return find(key);
    }

    /** What the subscriber with that key is now, to put it back by {@link #revert}; {@code null} when none. */
    synchronized Prior prior(String key) {
        Subscriber s = find(key);
        return s == null ? null : new Prior(s, subscribers.indexOf(s), s.address(), s.lease(), s.binding());
    }

    /**
     * Removes the subscriber with that key without telling {@code onRemoved} (the caller gives its destination back
     * once the removal counts).
     *
     * @return what it was, for {@link #revert}; {@code null} when there was none
     */
    synchronized Prior take(String key) {
        Prior prior = prior(key);
        if (prior != null) {
            subscribers.remove(prior.index());
            publish();
        }
        return prior;
    }

    /**
     * Puts back what a change that did not count replaced: without a prior, removes the subscriber added since
     * (without telling {@code onRemoved}: the caller gives its destination back); with one, gives the subscriber
     * its earlier address, binding and lease, at its place if it had been taken out.
     */
    synchronized void revert(String key, Prior prior) {
        Subscriber now = find(key);
        if (prior == null) {
            if (now != null) {
                subscribers.remove(now);
            }
        } else {
            Subscriber s = prior.subscriber();
            if (now != s) {
                if (now != null) {
                    subscribers.remove(now);
                }
                subscribers.add(Math.min(prior.index(), subscribers.size()), s);
            }
            synchronized (s) {
                s.rebind(prior.address(), prior.binding());
            }
            s.lease(prior.lease());
        }
        publish();
    }

    /** Removes the subscribers expired at {@code now}; whether there were any. */
    synchronized boolean purge(long now) {
        boolean any = false;
        for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext();) {
            Subscriber s = it.next();
            if (!s.liveAt(now)) {
                it.remove();
                onRemoved.accept(s);
                any = true;
            }
        }
        if (any) {
            publish();
        }
        return any;
    }

    /** The live subscribers, newest first, after purging the expired ones. */
    synchronized List<Subscriber> live(long now) {
        purge(now);
        return List.copyOf(subscribers);
    }

    /** Whether a subscriber is live at {@code now}; reads the snapshot, without locking. */
    boolean hasLive(long now) {
        for (Subscriber s : snapshot.subscribers()) {
            if (s.liveAt(now)) {
                return true;
            }
        }
        return false;
    }

    void resetStatistics() {
        raised.reset();
        for (Subscriber s : snapshot.subscribers()) {
            s.resetStatistics();
        }
    }

    /** How many subscribers, expired or not, have that identity (0 or 1). */
    synchronized int count(String identity) {
        return find(identity) == null ? 0 : 1;
    }

    /** Every subscriber, newest first, expired or not. */
    synchronized List<Subscriber> all() {
        return List.copyOf(subscribers);
    }

    /** Removes every subscriber, telling {@code onRemoved}. */
    synchronized void clear() {
        subscribers.forEach(onRemoved);
        subscribers.clear();
        publish();
    }

    /** The subscriber with that identity, or with that key as listed (how a stored, never bound one is named). */
    private Subscriber find(String identity) {
        Subscriber s = findIdentity(identity);
        return s != null ? s : findKey(identity);
    }

    private Subscriber findIdentity(String identity) {
        for (Subscriber s : subscribers) {
            if (s.identity().equals(identity)) {
                return s;
            }
        }
        return null;
    }

    private Subscriber findKey(String key) {
        for (Subscriber s : subscribers) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    private void publish() {
        snapshot = Snapshot.of(subscribers, defaultEncoder);
    }

    /**
     * A subscriber as it was before a change, and its place (newest first).
     *
     * @param binding its binding then, possibly {@code null}
     */
    record Prior(Subscriber subscriber, int index, String address, Lease lease, Binding binding) {
    }
}
