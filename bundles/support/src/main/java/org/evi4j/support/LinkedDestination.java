package org.evi4j.support;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;

/**
 * A destination of an asynchronous transport: the subscriber's report, and the shared link (a connection, a
 * producer, a file) it finds on its first send and lets go of when released.
 *
 * @param <L> the kind of link
 */
public abstract class LinkedDestination<L> implements Destination {

    private final DeliveryReport report;
    private volatile L link;
    private volatile boolean released;

    protected LinkedDestination(DeliveryReport report) {
        this.report = report;
    }

    /** Where the outcomes of this subscriber's sends go. */
    public final DeliveryReport report() {
        return report;
    }

    /** The link it sends through, or {@code null} before its first send. */
    public final L link() {
        return link;
    }

    public final void link(L link) {
        this.link = link;
    }

    /** Whether no subscriber uses it any more. */
    public final boolean released() {
        return released;
    }

    public final void release() {
        released = true;
    }
}
