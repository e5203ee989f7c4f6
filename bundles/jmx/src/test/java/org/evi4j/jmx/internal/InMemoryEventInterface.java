package org.evi4j.jmx.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;

/**
 * A small Event Interface with real state, following the API contract: published events with ids and raise
 * counts, subscribers newest first with expiry on a test clock, refresh, expire 0 unsubscribing, and per
 * subscriber counters. Sockets in {@link #unreachable} fail their sends, those in {@link #full} drop events,
 * those in {@link #noTransport} leave them undelivered; nothing goes on the network.
 */
final class InMemoryEventInterface implements EventInterface {

    final Set<String> unreachable = new CopyOnWriteArraySet<>();
    final Set<String> full = new CopyOnWriteArraySet<>();
    final Set<String> noTransport = new CopyOnWriteArraySet<>();
    final List<Event> raisedEvents = new ArrayList<>();
    long now;
    private final Map<String, Entry> events = new LinkedHashMap<>();

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
        long failed;
        long dropped;
        long undelivered;
        String lastError;

        Sub(String address) {
            this.address = address;
        }

        SubscriberInfo info(long now) {
            String socket = "jsonrpc".equals(encoder) ? address : address + ";encoder=" + encoder;
            return new SubscriberInfo(socket, encoder, expire, since + expire - now, sent, failed, dropped, undelivered,
                    lastError);
        }
    }

    @Override
    public synchronized int publish(String name) {
        Event.checkName(name);
        return events.computeIfAbsent(name, n -> new Entry(events.size())).id;
    }

    @Override
    public synchronized Optional<EventInfo> event(String name) {
        Entry e = events.get(name);
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
        return !subscribers(name).isEmpty();
    }

    @Override
    public synchronized int raise(Event event) {
        Entry e = entry(event.name());
        e.raised++;
        raisedEvents.add(event);
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
        Sub s = e.subscribers.stream().filter(x -> x.address.equals(address)).findFirst().orElse(null);
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
        String address = semi < 0 ? socket : socket.substring(0, semi);
        return entry(event).subscribers.stream().filter(s -> s.address.equals(address)).findFirst()
                .map(s -> s.info(now));
    }

    @Override
    public synchronized void resetStatistics() {
        for (Entry e : events.values()) {
            e.raised = 0;
            for (Sub s : e.subscribers) {
                s.sent = 0;
                s.failed = 0;
                s.dropped = 0;
                s.undelivered = 0;
            }
        }
    }

    private Entry entry(String name) {
        Entry e = events.get(name);
        if (e == null) {
            throw new UnknownEventException(name);
        }
        return e;
    }

    private void purge(Entry e) {
        e.subscribers.removeIf(s -> s.since + s.expire <= now);
    }
}
