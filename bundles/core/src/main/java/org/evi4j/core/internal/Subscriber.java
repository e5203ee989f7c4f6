package org.evi4j.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;

/**
 * One subscriber of one event: its socket, its lease (time, expire, encoder; replaced as a whole on refresh), the
 * destination its transport parsed, and its counters. It is listed and logged by its key,
 * {@code scheme:shownAddress} as first subscribed (without secrets), and told apart from the others by its
 * identity, where its destination really is ({@code udp:localhost:9} and {@code udp:127.0.0.1:9} are one). The
 * full address, which may hold a password, is only given to transports and to storage, never listed or logged; a
 * refresh with a new password replaces it.
 */
final class Subscriber {

    final String scheme;
    /** The address as listed and logged, without secrets. */
    final String shown;
    final String key;
    /** What tells it apart from the others: {@code scheme:identity} of its destination, the key until bound. */
    private volatile String identity;
    final LongAdder sent = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder undelivered = new LongAdder();
    volatile String lastError;
    /** When the next warning about this subscriber may be logged (clock millis). */
    volatile long nextWarning;
    /** The full address, as its transport parses it again; changed only together with the binding. */
    private volatile String address;
    private volatile Lease lease;
    private volatile Binding binding;
    /** Whether its address is being parsed (again) on the binder. */
    private final AtomicBoolean parsing = new AtomicBoolean();

    /**
     * @param address the full canonical address, secrets included
     * @param shown   the address without secrets
     */
    Subscriber(String scheme, String address, String shown, Lease lease, Binding binding) {
        this.scheme = scheme;
        this.address = address;
        this.shown = shown;
        this.key = SocketSpec.key(scheme, shown);
        this.identity = binding == null || binding.destination() == null ? key
                : SocketSpec.key(scheme, binding.destination().identity());
        this.lease = lease;
        this.binding = binding;
        attachReport(binding);
    }

    String address() {
        return address;
    }

    /** {@code scheme:identity}: equal for subscribers that reach the same place. */
    String identity() {
        return identity;
    }

    /** The identity its transport gave once it parsed the address (again). */
    void identity(String destinationIdentity) {
        identity = SocketSpec.key(scheme, destinationIdentity);
    }

    Lease lease() {
        return lease;
    }

    void lease(Lease newLease) {
        lease = newLease;
    }

    Binding binding() {
        return binding;
    }

    /** Claims the parsing of its address; false when it is under way already. */
    boolean startBinding() {
        return parsing.compareAndSet(false, true);
    }

    void endBinding() {
        parsing.set(false);
    }

    /** Uses another binding; the report of its destination counts for this subscriber from now on. */
    void binding(Binding newBinding) {
        attachReport(newBinding);
        binding = newBinding;
    }

    /** A refresh: the address as subscribed again (a new password, say) and its fresh binding. */
    void rebind(String newAddress, Binding newBinding) {
        attachReport(newBinding);
        identity = newBinding == null || newBinding.destination() == null ? key
                : SocketSpec.key(scheme, newBinding.destination().identity());
        address = newAddress;
        binding = newBinding;
    }

    private void attachReport(Binding b) {
        if (b != null && b.report() != null) {
            b.report().attach(this);
        }
    }

    boolean liveAt(long now) {
        return now < lease.expiresAt();
    }

    /** The socket as listed: canonical, plus {@code ;encoder=NAME} when the subscriber chose one. */
    String socket() {
        String encoder = lease.encoder();
        return encoder == null ? key : key + ";encoder=" + encoder;
    }

    void resetStatistics() {
        sent.reset();
        delivered.reset();
        failed.reset();
        dropped.reset();
        undelivered.reset();
        lastError = null;
    }

    SubscriberInfo info(long now, String defaultEncoder) {
        Lease l = lease;
        return new SubscriberInfo(socket(), l.encoder() == null ? defaultEncoder : l.encoder(), l.expire(),
                l.ttl(now), sent.sum(), delivered.sum(), failed.sum(), dropped.sum(), undelivered.sum(), lastError);
    }

    @Override
    public String toString() {
        return key;
    }

    /**
     * The terms of a subscription.
     *
     * @param subscribedAt wall-clock millis of the last (re)subscription
     * @param expire       lifetime in seconds from {@code subscribedAt}
     * @param encoder      the encoder the subscriber chose, or {@code null} for the default
     */
    record Lease(long subscribedAt, int expire, String encoder) {

        long expiresAt() {
            return subscribedAt + expire * 1000L;
        }

        /** Whole seconds left, rounded up, so that a ttl above 0 always means live. */
        long ttl(long now) {
            return Math.floorDiv(expiresAt() - now + 999, 1000);
        }
    }

    /**
     * A destination parsed by one transport instance, with the report the transport was given for it;
     * {@code destination} and {@code report} are {@code null} when that transport refused the address (then
     * {@code error} says why), so that it is not parsed again on every raise.
     */
    record Binding(EventTransport transport, Destination destination, SubscriberReport report, String error) {

        static Binding refused(EventTransport transport, String error) {
            return new Binding(transport, null, null, error);
        }
    }
}
