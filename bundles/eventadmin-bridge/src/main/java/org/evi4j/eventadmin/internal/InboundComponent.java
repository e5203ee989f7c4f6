package org.evi4j.eventadmin.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Pattern;

import org.evi4j.api.EventInterface;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One EventAdmin → Event Interface mapping per factory configuration ({@code org.evi4j.eventadmin.bridge}). The
 * handler is registered by hand rather than by DS so that comma-separated topics, as a {@code .cfg} file holds
 * them, become the String[] EventAdmin expects.
 */
@Component(service = {}, configurationPid = InboundComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = InboundConfig.class, factory = true)
public final class InboundComponent {

    /** The factory PID: one configuration per mapping. */
    static final String PID = "org.evi4j.eventadmin.bridge";
    private static final Logger LOG = LoggerFactory.getLogger(InboundComponent.class);
    private static final Pattern TOPIC = Pattern.compile("\\*|[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*(/\\*)?");

    private final InboundBridge bridge;
    private final ServiceRegistration<EventHandler> registration;

    /**
     * Starts the mapping and registers its handler.
     *
     * @throws IllegalArgumentException when the topics, event name or queue size are not valid (logged too)
     */
    @Activate
    public InboundComponent(BundleContext context, @Reference EventInterface evi, InboundConfig config) {
        Dictionary<String, Object> properties;
        try {
            String[] topics = topics(config.event_topics());
            properties = handlerProperties(topics, config);
            bridge = new InboundBridge(evi, config.event__name(), config.queue__size(), String.join(",", topics));
        } catch (IllegalArgumentException e) {
            LOG.error("EventAdmin bridge mapping not started: {}", e.getMessage());
            throw e;
        }
        try {
            registration = context.registerService(EventHandler.class, bridge, properties);
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            LOG.debug("handler was unregistered already");
        }
        bridge.close();
    }

    /** The topics of every value, split at commas and checked. */
    static String[] topics(String[] values) {
        List<String> topics = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String topic : value.split(",")) {
                String t = topic.trim();
                if (!t.isEmpty() && !TOPIC.matcher(t).matches()) {
                    throw new IllegalArgumentException("not an EventAdmin topic: " + t);
                }
                if (!t.isEmpty()) {
                    topics.add(t);
                }
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("event.topics is required (org/foo/Bar, org/foo/*)");
        }
        return topics.toArray(new String[0]);
    }

    /**
     * The handler's service properties: {@code event.topics}, and {@code event.filter} when one is configured.
     *
     * @throws IllegalArgumentException when the filter is not a valid LDAP filter
     */
    static Dictionary<String, Object> handlerProperties(String[] topics, InboundConfig config) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, topics);
        String filter = config.event_filter() == null ? "" : config.event_filter().trim();
        if (!filter.isEmpty()) {
            try {
                FrameworkUtil.createFilter(filter);
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("event.filter is not a valid filter: " + filter, e);
            }
            properties.put(EventConstants.EVENT_FILTER, filter);
        }
        return properties;
    }
}
