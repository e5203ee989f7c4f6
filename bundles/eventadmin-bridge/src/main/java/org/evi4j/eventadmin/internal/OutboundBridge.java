package org.evi4j.eventadmin.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.support.LogLimiter;
import org.evi4j.spi.EventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts raised evi4j events to EventAdmin (asynchronously) on the topic {@code org/evi4j/<EVENT_NAME>}. The
 * EventAdmin event carries {@value #EVENT_PROPERTY} (the name), {@value InboundMapper#BRIDGED}{@code =true}, each
 * named parameter under its name (Integer or String; null parameters are left out, the first of duplicate names
 * wins) and each unnamed parameter under its position ({@code "0"}, {@code "1"}, ...). Events raised by the
 * bridge's own threads came from EventAdmin and are not posted back.
 */
@Component(service = EventListener.class, configurationPid = OutboundBridge.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OutboundConfig.class)
public final class OutboundBridge implements EventListener {

    /** The configuration PID; without a configuration nothing is posted. */
    static final String PID = "org.evi4j.eventadmin.bridge.out";
    /** The topic of an evi4j event is this prefix and the event name. */
    static final String TOPIC_PREFIX = "org/evi4j/";
    /** The property holding the evi4j event name. */
    static final String EVENT_PROPERTY = "evi4j.event";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundBridge.class);
    private static final String ALL = "*";

    private final EventAdmin eventAdmin;
    private final Set<String> selected;
    private final boolean all;
    private final Map<String, String> topics = new ConcurrentHashMap<>();
    private final LogLimiter failureLog = new LogLimiter(10, TimeUnit.SECONDS);

    @Activate
    public OutboundBridge(@Reference EventAdmin eventAdmin, OutboundConfig config) {
        this.eventAdmin = eventAdmin;
        this.selected = names(config.events());
        this.all = selected.contains(ALL);
        LOG.debug("posting evi4j events to EventAdmin: {}", all ? ALL : selected);
    }

    @Override
    public void eventRaised(Event event) {
        if (BridgeThread.current() || !(all || selected.contains(event.name()))) {
            return;
        }
        try {
            eventAdmin.postEvent(new org.osgi.service.event.Event(topic(event.name()), properties(event)));
        } catch (RuntimeException e) {
            if (failureLog.tryAcquire()) {
                LOG.warn("could not post {} to EventAdmin: {}", event.name(), e.toString());
            }
        }
    }

    /** {@code org/evi4j/} and the name, with characters a topic may not hold ({@code [A-Za-z0-9_-]}) as {@code _}. */
    static String topicOf(String eventName) {
        StringBuilder topic = new StringBuilder(TOPIC_PREFIX.length() + eventName.length()).append(TOPIC_PREFIX);
        for (int i = 0; i < eventName.length(); i++) {
            char c = eventName.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            topic.append(ok ? c : '_');
        }
        return topic.toString();
    }

    /** The EventAdmin properties of an evi4j event, as the class comment says. */
    static Map<String, Object> properties(Event event) {
        List<EventParam> params = event.params();
        Map<String, Object> properties = new HashMap<>((params.size() + 2) * 4 / 3 + 1);
        properties.put(EVENT_PROPERTY, event.name());
        properties.put(InboundMapper.BRIDGED, Boolean.TRUE);
        for (int i = 0; i < params.size(); i++) {
            EventParam p = params.get(i);
            Object value = switch (p.type()) {
                case INT -> p.intValue();
                case STRING -> p.stringValue();
                case NULL -> null;
            };
            String key = p.isNamed() ? p.name() : Integer.toString(i);
            if (value != null && !EventConstants.EVENT_TOPIC.equals(key)) {
                properties.putIfAbsent(key, value);
            }
        }
        return properties;
    }

    private String topic(String eventName) {
        return topics.computeIfAbsent(eventName, OutboundBridge::topicOf);
    }

    private static Set<String> names(String[] values) {
        Set<String> names = new HashSet<>();
        for (String value : values == null ? new String[] {ALL} : values) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
