package org.evi4j.core.internal;

import java.util.concurrent.atomic.LongAdder;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;

/**
 * One subscriber of one event: its canonical socket, its lease (time, expire, encoder; replaced as a whole on
 * refresh), the destination its transport parsed, and its counters.
 */
final class Subscriber {

    final String scheme;
    final String address;
    final String key;
    final LongAdder sent = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder undelivered = new LongAdder();
    volatile String lastError;
    /** When the next warning about this subscriber may be logged (clock millis). */
    volatile long nextWarning;
    private volatile Lease lease;
    private volatile Binding binding;

    Subscriber(String scheme, String address, Lease lease, Binding binding) {
        this.scheme = scheme;
        this.address = address;
        this.key = SocketSpec.key(scheme, address);
        this.lease = lease;
        this.binding = binding;
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

    void binding(Binding newBinding) {
        binding = newBinding;
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
        failed.reset();
        dropped.reset();
        undelivered.reset();
        lastError = null;
    }

    SubscriberInfo info(long now, String defaultEncoder) {
        Lease l = lease;
        return new SubscriberInfo(socket(), l.encoder() == null ? defaultEncoder : l.encoder(), l.expire(),
                l.ttl(now), sent.sum(), failed.sum(), dropped.sum(), undelivered.sum(), lastError);
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
     * A destination parsed by one transport instance; {@code destination} is {@code null} when that transport
     * refused the address (then {@code error} says why), so that it is not parsed again on every raise.
     */
    record Binding(EventTransport transport, Destination destination, String error) {
    }
}
