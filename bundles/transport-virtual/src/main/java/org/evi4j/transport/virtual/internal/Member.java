package org.evi4j.transport.virtual.internal;

import java.time.Clock;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.Route;
import org.evi4j.spi.SendResult;
import org.evi4j.spi.Transports;

/**
 * One member of a virtual subscriber: its route, and when it last failed. It is also the report its route counts
 * into: every outcome goes on to the virtual subscriber's report (each member send counts once in the subscriber's
 * statistics, failures with the member named), and every failure, whether the send returned it or the member's
 * transport reported it later (an asynchronous member: a reliable TCP listener that answered an error, a broker
 * that refused) or a problem it reports while events wait (a refused connection), marks the member failed, so that
 * FAILOVER and ROUND-ROBIN skip it for {@code failover_timeout}.
 */
final class Member implements DeliveryReport {

    private static final long NEVER = Long.MIN_VALUE;

    private final DeliveryReport subscriber;
    private final Clock clock;
    private final Route route;
    /** The member as listed; only its scheme while the route opens (the text as given may hold a password). */
    private volatile String shown;
    private volatile long failedAt = NEVER;

    /** @throws IllegalArgumentException when the member's transport refuses its socket */
    Member(String socket, Transports transports, DeliveryReport subscriber, Clock clock) {
        this.subscriber = subscriber;
        this.clock = clock;
        int colon = socket.indexOf(':');
        this.shown = colon > 0 ? socket.substring(0, colon + 1) + "..." : "unix:...";
        this.route = transports.route(socket, this);
        this.shown = route.shownSocket();
    }

    /** The member as listed, without secrets. */
    String shownSocket() {
        return shown;
    }

    /** The member with its secrets, as it is parsed again after a restart. */
    String socket() {
        return route.socket();
    }

    /** Whether the member failed so recently that it is skipped: at most {@code timeout} whole seconds ago. */
    boolean resting(long now, int timeoutSeconds) {
        long failed = failedAt;
        return failed != NEVER && (now - failed) / 1000 <= timeoutSeconds;
    }

    /** Sends through the member's route; whether the member took the event (sent, or pending with its transport). */
    boolean send(OutgoingEvent event) {
        SendResult.Status status = route.send(event).status();
        return status == SendResult.Status.SENT || status == SendResult.Status.PENDING;
    }

    void close() {
        route.close();
    }

    @Override
    public void sent(int count) {
        subscriber.sent(count);
    }

    @Override
    public void delivered(int count) {
        subscriber.delivered(count);
    }

    @Override
    public void dropped(int count, String reason) {
        failedAt = clock.millis();
        subscriber.dropped(count, named(reason));
    }

    @Override
    public void failed(int count, String reason) {
        failedAt = clock.millis();
        subscriber.failed(count, named(reason));
    }

    @Override
    public void undelivered(int count, String reason) {
        failedAt = clock.millis();
        subscriber.undelivered(count, named(reason));
    }

    /** A problem that has lost nothing yet (a refused connection while events wait): the member is not healthy. */
    @Override
    public void problem(String reason) {
        failedAt = clock.millis();
        subscriber.problem(named(reason));
    }

    private String named(String reason) {
        return "member " + shown + ": " + reason;
    }

    @Override
    public String toString() {
        return shown;
    }
}
