package org.evi4j.core.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.core.internal.Subscriber.Binding;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.support.AllowedFolders;
import org.evi4j.support.LogLimiter;
import org.evi4j.support.LogText;
import org.evi4j.support.net.Networks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns subscribers' addresses into destinations of the transport serving their scheme now, each with its own
 * {@link SubscriberReport}, checks them against {@code allowed_destinations} (IP destinations) and
 * {@code allowed_unix_folders} (destinations with a path), and gives them back to their transport
 * when no longer used. A destination belongs to the transport instance that parsed it: when another instance serves
 * the scheme, the address is parsed again. Addresses may hold passwords: messages and logs show the scheme, the
 * shown address or the subscriber's key, never the address as given.
 */
final class Destinations {

    private static final Logger LOG = LoggerFactory.getLogger(Destinations.class);

    private final ServiceIndex<EventTransport> transports;
    private final Networks allowed;
    private final AllowedFolders folders;
    private final Problems problems;
    private final Executor binder;
    /** One budget for the warnings of every subscriber's (re)binding: a restart with many bad ones logs a few. */
    private final LogLimiter bindWarnings = new LogLimiter(10, 1, TimeUnit.SECONDS);

    /**
     * @param binder runs the parsing of subscribers' addresses for a transport that came (back), off the raising
     *               thread
     */
    Destinations(ServiceIndex<EventTransport> transports, Networks allowed, List<Path> allowedFolders,
            Problems problems, Executor binder) {
        this.transports = transports;
        this.binder = binder;
        this.allowed = allowed;
        this.folders = new AllowedFolders(allowedFolders);
        this.problems = problems;
    }

    /**
     * Parses a new subscription's address and checks that it may be used. The binding's report is attached to the
     * subscriber that takes the binding.
     *
     * @return a binding with a destination
     * @throws InvalidSubscriptionException when the transport refuses the address or it is not allowed
     */
    Binding parse(EventTransport transport, SocketSpec spec) {
        SubscriberReport report = new SubscriberReport(problems);
        return new Binding(transport, checked(transport, spec, report), report, null);
    }

    /**
     * Parses an address with its transport and checks that it may be used, as for a new subscription.
     *
     * @throws InvalidSubscriptionException when the transport refuses the address or it is not allowed
     */
    Destination checked(EventTransport transport, SocketSpec spec, DeliveryReport report) {
        Destination d;
        try {
            d = transport.parse(spec.address(), report);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() == null ? "bad address for scheme " + spec.scheme() : e.getMessage();
            throw new InvalidSubscriptionException(why, e);
        } catch (RuntimeException e) {
            LOG.warn("transport of scheme {} failed to parse an address: {}", LogText.escape(spec.scheme()),
                    LogText.escape(e.toString()));
            throw new InvalidSubscriptionException("transport of scheme " + spec.scheme() + " failed: "
                    + e.getClass().getName(), e);
        }
        if (d == null) {
            throw new InvalidSubscriptionException("bad address for scheme " + spec.scheme()
                    + ": the transport returned no destination");
        }
        String refused = refusal(spec.scheme(), d);
        if (refused != null) {
            release(transport, d);
            throw new InvalidSubscriptionException(refused);
        }
        return d;
    }

    /**
     * The subscriber's destination with that transport, or {@code null} while it is being parsed (again): parsing
     * may resolve a host name, so it runs on the binder, never on the raising thread (a binder that runs tasks at
     * once gives the destination in this call).
     */
    Destination bound(Subscriber s, EventTransport transport) {
        Binding b = s.binding();
        if (b != null && b.transport() == transport) {
            return b.destination();
        }
        if (s.startBinding()) {
            try {
                binder.execute(() -> bindNow(s, transport));
            } catch (RejectedExecutionException e) {
                s.endBinding();
            }
        }
        b = s.binding();
        if (b != null && b.transport() == transport) {
            return b.destination();
        }
        s.lastError = "waiting for its address to be parsed by the " + s.scheme + " transport";
        return null;
    }

    /**
     * Parses, on the calling thread, the address of a subscriber that its transport has not parsed yet (read back
     * after a restart): a look-up by another spelling needs its identity now.
     */
    void bindHere(Subscriber s, EventTransport transport) {
        Binding b = s.binding();
        if ((b == null || b.transport() != transport) && s.startBinding()) {
            bindNow(s, transport);
        }
    }

    private void bindNow(Subscriber s, EventTransport transport) {
        try {
            synchronized (s) {
                Binding b = s.binding();
                if (b != null && b.transport() == transport || !transports.contains(transport)) {
                    return;
                }
                Binding fresh = bind(s, transport);
                s.binding(fresh);
                release(b);
                if (fresh.error() != null) {
                    s.lastError = fresh.error();
                } else {
                    s.identity(fresh.destination().identity());
                }
            }
        } finally {
            s.endBinding();
        }
    }

    /** Forgets the destinations a transport that went away had parsed. */
    void forget(Subscriber s, EventTransport gone) {
        synchronized (s) {
            Binding b = s.binding();
            if (b != null && b.transport() == gone) {
                s.binding(null);
            }
        }
    }

    /** Gives a destination back to its transport, if that transport is still bound. */
    void release(Binding b) {
        if (b != null && b.destination() != null && transports.contains(b.transport())) {
            release(b.transport(), b.destination());
        }
    }

    /** Whether the transport is bound now. */
    boolean bound(EventTransport transport) {
        return transports.contains(transport);
    }

    void release(EventTransport transport, Destination d) {
        try {
            transport.release(d);
        } catch (RuntimeException e) {
            LOG.warn("transport failed to release {}: {}", LogText.escape(d.shownAddress()),
                    LogText.escape(e.toString()));
        }
    }

    private Binding bind(Subscriber s, EventTransport transport) {
        try {
            SubscriberReport report = new SubscriberReport(problems);
            Destination d = transport.parse(s.address(), report);
            if (d == null) {
                return Binding.refused(transport, "transport refused address " + s.key);
            }
            String refused = refusal(s.scheme, d);
            if (refused != null) {
                release(transport, d);
                warn(s, refused);
                return Binding.refused(transport, refused);
            }
            LOG.debug("subscriber {} bound to {}", LogText.escape(s.key), transport);
            return new Binding(transport, d, report, null);
        } catch (RuntimeException e) {
            warn(s, "transport refused its address (" + e.getMessage() + ")");
            return Binding.refused(transport, String.valueOf(e.getMessage()));
        }
    }

    private void warn(Subscriber s, String why) {
        long skipped = bindWarnings.permit();
        if (skipped >= 0) {
            LOG.warn("subscriber {}: {}; its events are not delivered{}", LogText.escape(s.key), LogText.escape(why),
                    LogLimiter.suppressedNote(skipped));
        }
    }

    private String refusal(String scheme, Destination d) {
        Optional<Path> path = d.path();
        if (path.isPresent()) {
            try {
                folders.check(path.get());
            } catch (IllegalArgumentException e) {
                return "destination " + SocketSpec.key(scheme, d.shownAddress()) + " not allowed: " + e.getMessage();
            }
        }
        Optional<InetAddress> ip = d.inetAddress();
        if (ip.isEmpty()) {
            return null;
        }
        if (allowed.allows(ip.get())) {
            return null;
        }
        String address = d.shownAddress();
        String shown = address.contains(ip.get().getHostAddress()) ? address
                : address + " (" + ip.get().getHostAddress() + ")";
        return "destination " + SocketSpec.key(scheme, shown) + " not allowed (allowed_destinations)";
    }
}
