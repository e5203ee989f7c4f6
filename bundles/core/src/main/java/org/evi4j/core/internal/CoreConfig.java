package org.evi4j.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Event Interface core (PID {@code org.evi4j.core}). Every property is optional. A double
 * underscore in a method name stands for one underscore in the property name ({@code published__events} is
 * {@code published_events}).
 */
@ObjectClassDefinition(name = "evi4j Event Interface core",
        description = "Published events, default encoder and expire, limits and allowed destinations of subscribers")
public @interface CoreConfig {

    /** Events published at start; each value may hold several names separated by commas. */
    @AttributeDefinition(name = "Published events", required = false,
            description = "Event names published at start (comma-separated)")
    String[] published__events() default {};

    /** Encoder of subscribers whose socket has no {@code ;encoder=NAME}. */
    @AttributeDefinition(name = "Default encoder", description = "Encoder of subscribers that choose none")
    String default__encoder() default "jsonrpc";

    /** Expire, in seconds, of a subscription that gives none. */
    @AttributeDefinition(name = "Default expire", min = "1", description = "Seconds, when a subscription gives none")
    int default__expire() default 3600;

    /** The longest expire accepted, in seconds; 0 means no limit. */
    @AttributeDefinition(name = "Maximum expire", min = "0", description = "Longest expire accepted; 0 = no limit")
    int max__expire() default 0;

    /** Whether subscriptions are kept, with their remaining time, across restarts. */
    @AttributeDefinition(name = "Persist", description = "Keep subscriptions across restarts")
    boolean persist() default true;

    /** Networks (CIDR) an IP subscriber may point at; destinations without an IP (UNIX paths) are always allowed. */
    @AttributeDefinition(name = "Allowed destinations",
            description = "CIDRs an IP subscriber may point at (comma-separated); 0.0.0.0/0, ::/0 allows all")
    String[] allowed__destinations() default {"127.0.0.0/8", "::1/128"};

    /** The most subscribers one event may have. */
    @AttributeDefinition(name = "Subscribers per event", min = "1", description = "Most subscribers of one event")
    int max__subscribers__per__event() default 1000;

    /** The most subscribers of all events together. */
    @AttributeDefinition(name = "Subscribers", min = "1", description = "Most subscribers of all events together")
    int max__subscribers() default 10000;
}
