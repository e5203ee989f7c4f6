package org.evi4j.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an asynchronous transport reports what became of the sends it answered {@link SendResult#PENDING}, for one
 * subscriber: the core counts them in the subscriber's statistics and keeps the last problem as its last error.
 * Every method is thread-safe, cheap and never blocks, so that a transport's sending thread can call it directly.
 * The core implements it; transports only call it.
 */
@ProviderType
public interface DeliveryReport {

    /** {@code count} pending payloads were handed to the network (published to the broker). */
    void sent(int count);

    /** {@code count} payloads sent earlier were confirmed by the far end (publisher confirms). */
    void delivered(int count);

    /** {@code count} pending payloads were given up without being sent (the transport's queue overflowed, ...). */
    void dropped(int count, String reason);

    /** {@code count} payloads were lost to an error (refused by the broker, connection lost unconfirmed, ...). */
    void failed(int count, String reason);

    /**
     * {@code count} payloads could not be handed to any transport (none serves the scheme now, a member of a composite
     * subscriber whose transport is away). The default counts them as failed.
     *
     * @since 1.2
     */
    default void undelivered(int count, String reason) {
        failed(count, reason);
    }

    /**
     * A problem that has not lost a payload yet, such as a broker that refuses the connection while payloads wait
     * in the queue; recorded as the subscriber's last error.
     */
    void problem(String reason);

    /** A report that counts nothing, for destinations parsed outside a subscription (look-ups, tests). */
    DeliveryReport NONE = new DeliveryReport() {
        @Override
        public void sent(int count) {
        }

        @Override
        public void delivered(int count) {
        }

        @Override
        public void dropped(int count, String reason) {
        }

        @Override
        public void failed(int count, String reason) {
        }

        @Override
        public void problem(String reason) {
        }
    };
}
