package org.evi4j.transport.virtual.internal;

/** How a virtual subscriber spreads each event over its members. */
enum Policy {
    /** Every member gets every event. */
    PARALLEL("PARALLEL"),
    /** The first member that takes the event gets it; one that failed is skipped for {@code failover_timeout}. */
    FAILOVER("FAILOVER"),
    /** Members take turns, one event each; one that failed is skipped for {@code failover_timeout}. */
    ROUND_ROBIN("ROUND-ROBIN");

    /** The policy as written in a socket. */
    final String text;

    Policy(String text) {
        this.text = text;
    }
}
