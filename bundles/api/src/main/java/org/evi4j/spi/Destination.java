package org.evi4j.spi;

import java.net.InetAddress;
import java.nio.file.Path;
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

    /** The IP address events go to, for destination checks; empty for non-IP destinations such as UNIX paths. */
    default Optional<InetAddress> inetAddress() {
        return Optional.empty();
    }

    /**
     * What tells subscribers apart: two destinations of one scheme with equal identities reach the same place and
     * are one subscriber, however their addresses were written. A transport returns the canonical form of where
     * events really go (the resolved IP and port, the real path of a socket); the default is
     * {@link #shownAddress()}. It never holds a secret. Subscribing a socket of the same identity refreshes the
     * subscriber, which keeps the address it is listed with (the members of a virtual socket, in any order, are
     * one subscriber listed as first given).
     *
     * @since 1.2
     */
    default String identity() {
        return shownAddress();
    }

    /**
     * The file system path events are written to (a UNIX socket, a file), for the core's folder checks
     * ({@code allowed_unix_folders}); empty when the destination is not a path. A transport that writes to paths must
     * report them here, as their real location.
     *
     * @since 1.2
     */
    default Optional<Path> path() {
        return Optional.empty();
    }
}
