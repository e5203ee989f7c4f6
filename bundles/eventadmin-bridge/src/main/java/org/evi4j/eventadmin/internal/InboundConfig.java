package org.evi4j.eventadmin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One EventAdmin → Event Interface mapping (factory PID {@code org.evi4j.eventadmin.bridge}, one configuration per
 * mapping). A single underscore in a method name stands for a dot, a double one for an underscore
 * ({@code event_topics} is {@code event.topics}, {@code event__name} is {@code event_name}).
 */
@ObjectClassDefinition(name = "evi4j EventAdmin bridge: EventAdmin topics to an evi4j event",
        description = "Raises an Event Interface event for every EventAdmin event on the topics")
@interface InboundConfig {

    /**
     * The EventAdmin topics to bridge: exact topics, prefixes ending in {@code /*}, or {@code *}; each value may
     * hold several, comma-separated (a {@code .cfg} line {@code event.topics = org/foo/*, org/bar/Baz} works).
     */
    @AttributeDefinition(name = "Topics", description = "EventAdmin topics (org/foo/Bar, org/foo/*), comma-separated")
    String[] event_topics();

    /** An LDAP filter on the event properties, as EventAdmin's {@code event.filter}; empty for none. */
    @AttributeDefinition(name = "Filter", required = false, description = "LDAP filter on event properties (optional)")
    String event_filter() default "";

    /**
     * The evi4j event raised; empty derives it from each event's topic: {@code org/foo/Bar} gives
     * {@code E_ORG_FOO_BAR} (upper case, {@code /} as {@code _}, at most 64 bytes).
     */
    @AttributeDefinition(name = "Event name", required = false,
            description = "evi4j event to raise; empty: E_ plus the topic in upper case, / as _")
    String event__name() default "";

    /** Events waiting to be raised; more are dropped and counted, so that EventAdmin's thread never waits. */
    @AttributeDefinition(name = "Queue size", min = "1", description = "Events waiting to be raised; more are dropped")
    int queue__size() default 1024;
}
