package org.evi4j.eventadmin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Event Interface → EventAdmin direction (PID {@code org.evi4j.eventadmin.bridge.out}). Without this
 * configuration nothing is posted to EventAdmin.
 */
@ObjectClassDefinition(name = "evi4j EventAdmin bridge: evi4j events to EventAdmin",
        description = "Posts raised evi4j events to EventAdmin on the topic org/evi4j/<EVENT_NAME>")
@interface OutboundConfig {

    /** The evi4j events to post, by name ({@code *} for all); each value may hold several, comma-separated. */
    @AttributeDefinition(name = "Events", description = "evi4j event names to post (comma-separated), * for all")
    String[] events() default {"*"};
}
