package org.evi4j.mi.internal;

import java.util.List;

/**
 * The commands registered now and the dispatcher's counters; a service of this bundle only, so that the core
 * commands ({@code which}, {@code help}, statistics) can see what the dispatcher sees.
 */
public interface CommandRegistry {

    /** The command answering that name (any of its names), its service and recipes at hand; or {@code null}. */
    Registration lookup(String name);

    /** Every registered command, in registration order (their services not necessarily got yet). */
    List<Registration> commands();

    /** The dispatcher's own counters. */
    MiCounters counters();
}
