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

    /** The longest expire accepted, in seconds (a day); 0 means no limit. */
    @AttributeDefinition(name = "Maximum expire", min = "0",
            description = "Longest expire accepted, in seconds (default a day); 0 = no limit")
    int max__expire() default Settings.DEFAULT_MAX_EXPIRE;

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

    /** Microseconds a journal commit waits for more changes to share its force; 0 = none (the default). */
    @AttributeDefinition(name = "Commit window (µs)", min = "0", max = "100000",
            description = "How long a subscription commit waits for others to share its disk force; 0 = none")
    long commit__window__us() default 0;

    /** Records appended to the subscriptions journal before it is rewritten as a snapshot. */
    @AttributeDefinition(name = "Compact after records", min = "1",
            description = "Journal records written before the journal is compacted into a snapshot")
    int compact__after__records() default 10000;

    /**
     * Folders a UNIX destination (or any destination its transport reports as a path) may be in, their real paths
     * compared; empty: the runtime's own folder {@code <data>/sockets}, created owner-only.
     */
    @AttributeDefinition(name = "Allowed UNIX folders", required = false,
            description = "Absolute folders UNIX socket subscribers may be in (comma-separated); "
                    + "default <data>/sockets")
    String[] allowed__unix__folders() default {};

    /** The most subscribers one destination (its canonical identity) may have, of all events together. */
    @AttributeDefinition(name = "Subscribers per destination", min = "1",
            description = "Most subscriptions (of all events together) that point at one destination")
    int max__subscribers__per__destination() default Settings.DEFAULT_MAX_PER_DESTINATION;
}
