package org.evi4j.evimi.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.StorageException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;

/**
 * A small Event Interface that keeps real state as SPEC sections 1, 4 and 5 say: publish order ids, subscribers
 * newest first, refresh by canonical address, expire 0 unsubscribes, expiry on a clock the test sets, and the
 * {@code udp:}/{@code unix:} socket rules. Raised events are recorded instead of sent.
 */
final class TestEventInterface implements EventInterface {

    /** One event handed to one subscriber. */
    record Delivery(String address, String encoder, Event event) {
    }

    private static final Set<String> ENCODERS = Set.of("jsonrpc", "legacy");

    private final List<String> events = new ArrayList<>();
    private final Map<String, Long> raised = new TreeMap<>();
    private final Map<String, LinkedList<Sub>> subscribers = new TreeMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private long now = 1_000_000;

    private static final class Sub {
        final String address;
        String encoder;
        boolean chosen;
        int expire;
        long since;

        Sub(String address) {
            this.address = address;
        }
    }

    /** Moves the clock on by some seconds. */
    synchronized void advance(long seconds) {
        now += seconds;
    }

    /** The events raised since the last call, with who they were handed to. */
    synchronized List<Delivery> drainDeliveries() {
        List<Delivery> out = List.copyOf(deliveries);
        deliveries.clear();
        return out;
    }

    @Override
    public synchronized int publish(String name) {
        Event.checkName(name);
        int id = events.indexOf(name);
        if (id >= 0) {
            return id;
        }
        events.add(name);
        subscribers.put(name, new LinkedList<>());
        return events.size() - 1;
    }

    @Override
    public synchronized Optional<EventInfo> event(String name) {
        int id = events.indexOf(name);
        return id < 0 ? Optional.empty() : Optional.of(new EventInfo(name, id, raised.getOrDefault(name, 0L)));
    }

    @Override
    public synchronized List<EventInfo> events() {
        List<EventInfo> out = new ArrayList<>();
        for (String name : events) {
            out.add(event(name).orElseThrow());
        }
        return out;
    }

    @Override
    public synchronized boolean hasSubscribers(String name) {
        return events.contains(name) && !live(name).isEmpty();
    }

    @Override
    public synchronized int raise(Event event) {
        List<Sub> subs = live(event.name());
        raised.merge(event.name(), 1L, Long::sum);
        for (Sub sub : subs) {
            deliveries.add(new Delivery(sub.address, sub.encoder, event));
        }
        return subs.size();
    }

    /** When set, changes fail as the core's fail when its disk does: with this reason. */
    volatile String storageDown;

    @Override
    public synchronized void subscribe(String event, String socket, int expire) {
        if (expire < 0) {
            throw new IllegalArgumentException("negative expire " + expire);
        }
        LinkedList<Sub> subs = live(event);
        String[] parsed = parse(socket);
        Sub sub = find(subs, parsed[0]);
        if (storageDown != null) {
            throw new StorageException("subscription change not saved: " + storageDown);
        }
        if (expire == 0) {
            subs.remove(sub);
            return;
        }
        if (sub == null) {
            sub = new Sub(parsed[0]);
            subs.addFirst(sub);
        }
        sub.chosen = parsed[1] != null;
        sub.encoder = sub.chosen ? parsed[1] : "jsonrpc";
        sub.expire = expire;
        sub.since = now;
    }

    @Override
    public void subscribe(String event, String socket) {
        subscribe(event, socket, DEFAULT_EXPIRE);
    }

    @Override
    public synchronized boolean unsubscribe(String event, String socket) {
        LinkedList<Sub> subs = live(event);
        return subs.remove(find(subs, parse(socket)[0]));
    }

    @Override
    public synchronized List<SubscriberInfo> subscribers(String event) {
        List<SubscriberInfo> out = new ArrayList<>();
        for (Sub sub : live(event)) {
            out.add(info(sub));
        }
        return out;
    }

    @Override
    public synchronized Optional<SubscriberInfo> subscriber(String event, String socket) {
        Sub sub = find(live(event), parse(socket)[0]);
        return sub == null ? Optional.empty() : Optional.of(info(sub));
    }

    @Override
    public synchronized void resetStatistics() {
        raised.clear();
    }

    private SubscriberInfo info(Sub sub) {
        String socket = sub.chosen ? sub.address + ";encoder=" + sub.encoder : sub.address;
        return new SubscriberInfo(socket, sub.encoder, sub.expire, sub.since + sub.expire - now, 0, 0, 0, 0, null);
    }

    /** The subscribers of a published event after dropping the expired ones. */
    private LinkedList<Sub> live(String event) {
        LinkedList<Sub> subs = subscribers.get(event);
        if (subs == null) {
            throw new UnknownEventException(event);
        }
        for (Iterator<Sub> it = subs.iterator(); it.hasNext();) {
            Sub sub = it.next();
            if (sub.since + sub.expire <= now) {
                it.remove();
            }
        }
        return subs;
    }

    private static Sub find(List<Sub> subs, String address) {
        return subs.stream().filter(s -> s.address.equals(address)).findFirst().orElse(null);
    }

    /** {canonical address, chosen encoder or null}. */
    private static String[] parse(String socket) {
        String encoder = null;
        int suffix = socket.indexOf(";encoder=");
        if (suffix >= 0) {
            encoder = socket.substring(suffix + ";encoder=".length());
            socket = socket.substring(0, suffix);
            if (!ENCODERS.contains(encoder)) {
                throw new InvalidSubscriptionException("unknown encoder " + encoder);
            }
        }
        if (socket.startsWith("/")) {
            socket = "unix:" + socket;
        }
        if (socket.startsWith("unix:")) {
            String path = socket.substring(5);
            if (!path.startsWith("/") || path.getBytes(StandardCharsets.UTF_8).length > 107) {
                throw new InvalidSubscriptionException("bad unix path " + path);
            }
            return new String[] {socket, encoder};
        }
        if (!socket.startsWith("udp:")) {
            throw new InvalidSubscriptionException("no transport for " + socket);
        }
        int colon = socket.lastIndexOf(':');
        String host = socket.substring(4, Math.max(4, colon));
        int port;
        try {
            port = Integer.parseInt(socket.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidSubscriptionException("bad port in " + socket);
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new InvalidSubscriptionException("bad address " + socket);
        }
        return new String[] {"udp:" + host + ":" + port, encoder};
    }
}
