package org.evi4j.mi.datagram.internal;

import org.evi4j.mi.MiEndpointStatistics;

/**
 * Counters of one MI datagram socket since it was opened, for JMX and, as an {@link MiEndpointStatistics}
 * service, for any monitoring bundle. {@link #socket()} is {@code udp:HOST:PORT} (the bound port) or
 * {@code unix:PATH}; requests are request datagrams handed to the dispatcher.
 */
public interface MiSocketStatistics extends MiEndpointStatistics {

    /** Replies not sent: the client has no address (unbound UNIX socket), is gone, or its queue stayed full. */
    long repliesDropped();

    /** UDP datagrams ignored because their source is not in {@code allowed_sources}. */
    long sourcesRefused();

    /** Requests longer than 65457 bytes, cut to 65457 before dispatch. */
    long truncated();

    /** Receive failures and dispatcher failures. */
    long errors();
}
