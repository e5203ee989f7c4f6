package org.evi4j.spi;

import java.util.Objects;

/** What became of one {@link EventTransport#send send}: sent, pending, dropped, or failed, with the reason. */
public final class SendResult {

    /** The outcome of a send. */
    public enum Status {
        /** Handed to the network. */
        SENT,
        /**
         * Taken by a transport that sends later (a broker client with its own queue and thread); it reports what
         * became of it through the {@link DeliveryReport} it was given with the destination.
         *
         * @since 1.1
         */
        PENDING,
        /** Not sent because it could not be sent now without blocking (the receiver's queue is full, ...). */
        DROPPED,
        /** Not sent because of an error (ICMP unreachable, no such socket path, closed transport, ...). */
        FAILED
    }

    /** The result of every successful send; shared, so that the hot path allocates nothing. */
    public static final SendResult SENT = new SendResult(Status.SENT, null);

    /**
     * The result of every send taken for later delivery; shared like {@link #SENT}.
     *
     * @since 1.1
     */
    public static final SendResult PENDING = new SendResult(Status.PENDING, null);

    private final Status status;
    private final String reason;

    private SendResult(Status status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public static SendResult dropped(String reason) {
        return new SendResult(Status.DROPPED, Objects.requireNonNull(reason));
    }

    public static SendResult failed(String reason) {
        return new SendResult(Status.FAILED, Objects.requireNonNull(reason));
    }

    public Status status() {
        return status;
    }

    /** Why it was not sent; {@code null} for {@link #SENT} and {@link #PENDING}. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason == null ? status.name() : status + ": " + reason;
    }
}
