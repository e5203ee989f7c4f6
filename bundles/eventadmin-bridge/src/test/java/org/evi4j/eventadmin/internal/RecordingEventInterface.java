package org.evi4j.eventadmin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;

/**
 * An Event Interface that keeps published names and raised events, refuses unpublished events as the core does,
 * and calls a listener from the raising thread, as the core calls {@code EventListener}s.
 */
final class RecordingEventInterface implements EventInterface {

    final List<String> published = new CopyOnWriteArrayList<>();
    final List<Event> raised = new CopyOnWriteArrayList<>();
    final List<String> raisingThreads = new CopyOnWriteArrayList<>();
    private final Consumer<Event> listener;

    RecordingEventInterface(Consumer<Event> listener) {
        this.listener = listener;
    }

    @Override
    public int publish(String name) {
        Event.checkName(name);
        if (!published.contains(name)) {
            published.add(name);
        }
        return published.indexOf(name);
    }

    @Override
    public Optional<EventInfo> event(String name) {
        int id = published.indexOf(name);
        return id < 0 ? Optional.empty() : Optional.of(new EventInfo(name, id, 0));
    }

    @Override
    public List<EventInfo> events() {
        List<EventInfo> events = new ArrayList<>();
        for (String name : published) {
            events.add(event(name).orElseThrow());
        }
        return events;
    }

    @Override
    public boolean hasSubscribers(String name) {
        return false;
    }

    @Override
    public int raise(Event event) {
        if (!published.contains(event.name())) {
            throw new UnknownEventException(event.name());
        }
        raisingThreads.add(Thread.currentThread().getName());
        raised.add(event);
        listener.accept(event);
        return 0;
    }

    @Override
    public void subscribe(String event, String socket, int expire) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void subscribe(String event, String socket) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unsubscribe(String event, String socket) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SubscriberInfo> subscribers(String event) {
        return List.of();
    }

    @Override
    public Optional<SubscriberInfo> subscriber(String event, String socket) {
        return Optional.empty();
    }

    @Override
    public void resetStatistics() {
    }
}
