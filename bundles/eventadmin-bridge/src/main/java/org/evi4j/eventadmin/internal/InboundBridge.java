package org.evi4j.eventadmin.internal;

import java.util.HashSet;
import java.util.Set;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One EventAdmin → Event Interface mapping: an {@link EventHandler} that raises an evi4j event for each EventAdmin
 * event. EventAdmin's delivery thread only queues the event; the mapping's own thread maps and raises it. Events
 * the bridge posted itself (property {@value InboundMapper#BRIDGED}) are ignored.
 */
final class InboundBridge implements EventHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboundBridge.class);
    private static final int MAX_CACHED_NAMES = 10_000;

    private final EventInterface evi;
    private final String fixedName;
    private final Set<String> published = new HashSet<>();
    private final Handoff<org.osgi.service.event.Event> handoff;

    /**
     * Starts the mapping's thread.
     *
     * @param eventName the event raised, or null or empty to derive it from each topic
     * @param label     names the thread and the log lines
     * @throws IllegalArgumentException when the event name or queue size is not valid
     */
    InboundBridge(EventInterface evi, String eventName, int queueSize, String label) {
        this.evi = evi;
        String name = eventName == null ? "" : eventName.trim();
        this.fixedName = name.isEmpty() ? null : Event.checkName(name);
        if (queueSize < 1) {
            throw new IllegalArgumentException("queue_size must be at least 1: " + queueSize);
        }
        if (fixedName != null) {
            evi.publish(fixedName);
        }
        this.handoff = new Handoff<>("evi4j EventAdmin bridge " + label, queueSize, this::raise);
        LOG.debug("EventAdmin bridge active: {} → {}", label, fixedName == null ? "derived names" : fixedName);
    }

    /** Stops the mapping's thread; events still queued are dropped. */
    @Override
    public void close() {
        handoff.close();
    }

    /** Queues the event and returns at once; events the bridge posted itself are ignored. */
    @Override
    public void handleEvent(org.osgi.service.event.Event event) {
        if (event.getProperty(InboundMapper.BRIDGED) == null) {
            handoff.offer(event);
        }
    }

    /** Events dropped because the queue was full. */
    long overflow() {
        return handoff.overflow();
    }

    private void raise(org.osgi.service.event.Event event) {
        String name = fixedName != null ? fixedName : publishedName(event.getTopic());
        evi.raise(Event.of(name, InboundMapper.params(event)));
    }

    /** The derived name, published on first use; only the mapping's thread calls this. */
    private String publishedName(String topic) {
        String name = InboundMapper.eventName(topic);
        if (!published.contains(name)) {
            if (published.size() >= MAX_CACHED_NAMES) {
                published.clear();
            }
            evi.publish(name);
            published.add(name);
        }
        return name;
    }
}
