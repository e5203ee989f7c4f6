package org.evi4j.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;

/**
 * A small Event Interface with real state, following the API contract: published events with ids and raise
 * counts, raising an unpublished event refused, subscribers newest first with expiry on a test clock (seconds,
 * {@link #setClock}), refresh, expire 0 unsubscribing, and per subscriber counters. Nothing goes on the network:
 * a raise counts a send for each live subscriber (and a confirmed delivery for those marked {@link #confirming}), a
 * failure for those marked {@link #unreachable}, a drop for those marked {@link #full}, an undelivered one for those
 * marked {@link #noTransport}. Thread-safe; the raise
 * listener is called from the raising thread, outside the lock, as the core calls its {@code EventListener}s.
 */
public final class InMemoryEventInterface implements EventInterface {

    private final Set<String> unreachable = new CopyOnWriteArraySet<>();
    private final Set<String> full = new CopyOnWriteArraySet<>();
    private final Set<String> noTransport = new CopyOnWriteArraySet<>();
    private final Set<String> confirming = new CopyOnWriteArraySet<>();
    private final Set<String> vanished = new CopyOnWriteArraySet<>();
    private final List<Event> raised = new CopyOnWriteArrayList<>();
    private final List<String> raisingThreads = new CopyOnWriteArrayList<>();
    private final Map<String, Entry> events = new LinkedHashMap<>();
    private final Consumer<Event> listener;
    private long now;

    /** An Event Interface whose raises reach no listener. */
    public InMemoryEventInterface() {
        this(event -> { });
    }

    /** @param listener called with every event raised, from the raising thread, after it was counted */
    public InMemoryEventInterface(Consumer<Event> listener) {
        this.listener = listener;
    }

    /** Sends to this subscriber address (without {@code ;encoder=}) fail from now on. */
    public void unreachable(String address) {
        unreachable.add(address);
    }

    /** Sends to this subscriber address are dropped (queue full) from now on. */
    public void full(String address) {
        full.add(address);
    }

    /** Events for this subscriber address stay undelivered (no transport) from now on. */
    public void noTransport(String address) {
        noTransport.add(address);
    }

    /** Sends to this subscriber address are confirmed by the far end (as a broker's) from now on. */
    public void confirming(String address) {
        confirming.add(address);
    }

    /** The event stays listed by {@link #events()}, but lookups by name fail as if it went away in between. */
    public void vanished(String event) {
        vanished.add(event);
    }

    /** Sets the test clock, in seconds, that subscriptions expire on. */
    public synchronized void setClock(long seconds) {
        now = seconds;
    }

    /** Every event raised, in order. */
    public List<Event> raised() {
        return raised;
    }

    /** The name of the thread of each raise, in order. */
    public List<String> raisingThreads() {
        return raisingThreads;
    }

    /** The names published, in the order they were first published. */
    public synchronized List<String> published() {
        return new ArrayList<>(events.keySet());
    }

    @Override
    public synchronized int publish(String name) {
        Event.checkName(name);
        return events.computeIfAbsent(name, n -> new Entry(events.size())).id;
    }

    @Override
    public synchronized Optional<EventInfo> event(String name) {
        Entry e = vanished.contains(name) ? null : events.get(name);
        return e == null ? Optional.empty() : Optional.of(new EventInfo(name, e.id, e.raised));
    }

    @Override
    public synchronized List<EventInfo> events() {
        List<EventInfo> list = new ArrayList<>();
        events.forEach((name, e) -> list.add(new EventInfo(name, e.id, e.raised)));
        return list;
    }

    @Override
    public synchronized boolean hasSubscribers(String name) {
        return event(name).isPresent() && !subscribers(name).isEmpty();
    }

    @Override
    public int raise(Event event) {
        int count = count(event);
        raisingThreads.add(Thread.currentThread().getName());
        raised.add(event);
        listener.accept(event);
        return count;
    }

    private synchronized int count(Event event) {
        Entry e = entry(event.name());
        e.raised++;
        purge(e);
        for (Sub s : e.subscribers) {
            if (unreachable.contains(s.address)) {
                s.failed++;
                s.lastError = "Connection refused";
            } else if (full.contains(s.address)) {
                s.dropped++;
            } else if (noTransport.contains(s.address)) {
                s.undelivered++;
            } else {
                s.sent++;
                if (confirming.contains(s.address)) {
                    s.delivered++;
                }
            }
        }
        return e.subscribers.size();
    }

    @Override
    public synchronized void subscribe(String event, String socket, int expire) {
        Entry e = entry(event);
        if (expire < 0) {
            throw new IllegalArgumentException("Negative expire value");
        }
        int semi = socket.indexOf(";encoder=");
        String address = semi < 0 ? socket : socket.substring(0, semi);
        if (!address.startsWith("udp:") && !address.startsWith("unix:") && !address.startsWith("/")) {
            throw new InvalidSubscriptionException("no transport for socket: " + socket);
        }
        Sub s = find(e, address);
        e.subscribers.remove(s);
        if (expire == 0) {
            return;
        }
        if (s == null) {
            s = new Sub(address);
        }
        s.encoder = semi < 0 ? "jsonrpc" : socket.substring(semi + ";encoder=".length());
        s.expire = expire;
        s.since = now;
        e.subscribers.addFirst(s);
    }

    @Override
    public void subscribe(String event, String socket) {
        subscribe(event, socket, DEFAULT_EXPIRE);
    }

    @Override
    public synchronized boolean unsubscribe(String event, String socket) {
        return entry(event).subscribers.removeIf(s -> s.address.equals(socket));
    }

    @Override
    public synchronized List<SubscriberInfo> subscribers(String event) {
        Entry e = entry(event);
        purge(e);
        List<SubscriberInfo> list = new ArrayList<>();
        for (Sub s : e.subscribers) {
            list.add(s.info(now));
        }
        return list;
    }

    @Override
    public synchronized Optional<SubscriberInfo> subscriber(String event, String socket) {
        int semi = socket.indexOf(';');
        Sub s = find(entry(event), semi < 0 ? socket : socket.substring(0, semi));
        return s == null ? Optional.empty() : Optional.of(s.info(now));
    }

    @Override
    public synchronized void resetStatistics() {
        for (Entry e : events.values()) {
            e.raised = 0;
            for (Sub s : e.subscribers) {
                s.sent = 0;
                s.delivered = 0;
                s.failed = 0;
                s.dropped = 0;
                s.undelivered = 0;
            }
        }
    }

    private Entry entry(String name) {
        Entry e = vanished.contains(name) ? null : events.get(name);
        if (e == null) {
            throw new UnknownEventException(name);
        }
        return e;
    }

    private static Sub find(Entry e, String address) {
        return e.subscribers.stream().filter(s -> s.address.equals(address)).findFirst().orElse(null);
    }

    private void purge(Entry e) {
        e.subscribers.removeIf(s -> s.since + s.expire <= now);
    }

    private static final class Entry {
        final int id;
        long raised;
        final LinkedList<Sub> subscribers = new LinkedList<>();

        Entry(int id) {
            this.id = id;
        }
    }

    private static final class Sub {
        final String address;
        String encoder;
        int expire;
        long since;
        long sent;
        long delivered;
        long failed;
        long dropped;
        long undelivered;
        String lastError;

        Sub(String address) {
            this.address = address;
        }

        SubscriberInfo info(long now) {
            String socket = "jsonrpc".equals(encoder) ? address : address + ";encoder=" + encoder;
            return new SubscriberInfo(socket, encoder, expire, since + expire - now, sent, delivered, failed, dropped,
                    undelivered, lastError);
        }
    }
}
