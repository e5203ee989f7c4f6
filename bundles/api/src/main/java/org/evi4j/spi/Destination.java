package org.evi4j.spi;

import java.net.InetAddress;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a transport sends a subscriber's events, as parsed by {@link EventTransport#parse(String)}. Two destinations
 * of one scheme are the same subscriber when their {@link #identity()} texts are equal.
 */
@ConsumerType
public interface Destination {

    /**
     * The canonical address, without the scheme: {@code 127.0.0.1:8081}, {@code [::1]:8081}, {@code localhost:9999}
     * (host names kept as written), {@code /tmp/ev.sock}.
     */
    String address();

    /**
     * The address as listings and logs show it, and as subscribers are told apart: {@link #address()} without the
     * secrets it may hold, such as a broker password ({@code guest@127.0.0.1:5672/events}). A transport whose
     * addresses hold no secret keeps the default, the address itself.
     *
     * @since 1.1
     */
    default String shownAddress() {
        return address();
    }

    /**
     * The text that tells subscribers of one scheme apart: subscribing a socket of the same identity refreshes the
     * subscriber (which keeps the address it is listed with), and look-ups and unsubscribing find it. The default,
     * {@link #shownAddress()}, suits addresses with one canonical spelling; a transport whose equivalent spellings
     * are listed as first given (the members of a virtual socket, in any order) answers a canonical form here.
     *
     * @since 1.2
     */
    default String identity() {
        return shownAddress();
    }

    /** The IP address events go to, for destination checks; empty for non-IP destinations such as UNIX paths. */
    default Optional<InetAddress> inetAddress() {
        return Optional.empty();
    }
}
