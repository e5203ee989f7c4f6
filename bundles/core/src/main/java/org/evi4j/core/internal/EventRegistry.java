package org.evi4j.core.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.evi4j.api.Event;
import org.evi4j.api.UnknownEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The published events, by name and by id (publish order). Events are never unpublished. */
final class EventRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(EventRegistry.class);

    private final ConcurrentHashMap<String, EventEntry> byName = new ConcurrentHashMap<>();
    private final String defaultEncoder;
    private final Consumer<Subscriber> onRemoved;
    private volatile EventEntry[] byId = new EventEntry[0];

    EventRegistry(String defaultEncoder, Consumer<Subscriber> onRemoved) {
        this.defaultEncoder = defaultEncoder;
        this.onRemoved = onRemoved;
    }

    /**
     * Publishes an event, or finds it when published already.
     *
     * @throws IllegalArgumentException when the name is empty or too long
     */
    EventEntry publish(String name) {
        EventEntry entry = byName.get(Event.checkName(name));
        if (entry != null) {
            return entry;
        }
        synchronized (this) {
            entry = byName.get(name);
            if (entry == null) {
                EventEntry[] ids = byId;
                entry = new EventEntry(name, ids.length, defaultEncoder, onRemoved);
                EventEntry[] grown = Arrays.copyOf(ids, ids.length + 1);
                grown[ids.length] = entry;
                byId = grown;
                byName.put(name, entry);
                LOG.debug("published event {} with id {}", name, entry.id);
            }
            return entry;
        }
    }

    /** The event of that name, or {@code null}. */
    EventEntry get(String name) {
        return name == null ? null : byName.get(name);
    }

    /** @throws UnknownEventException when the event was not published */
    EventEntry require(String name) {
        EventEntry entry = get(name);
        if (entry == null) {
            throw new UnknownEventException(name);
        }
        return entry;
    }

    /** Every event in id order; the caller must not modify the array. */
    EventEntry[] all() {
        return byId;
    }
}
