package org.evi4j.transport.rabbitmq.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * The connection and channel a publisher thread works with: opened when an event is to be published, opened again
 * after an exponential back-off when that fails, and the source of every delivery outcome but the queue's. Only
 * the publisher thread calls it, except {@link #abort()}; the client's thread runs its close listeners.
 */
final class BrokerSession {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSession.class);
    private static final int CLOSE_TIMEOUT_MS = 2000;
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder().deliveryMode(2).build();

    private final BrokerKey key;
    private final LinkSettings settings;
    private final BrokerConnector connector;
    private final LinkCounters counters;
    private final Set<RabbitDestination> destinations;
    private final BooleanSupplier stopping;
    /** Shared by the publisher and the client's thread, never reset: a flapping broker gives a line a minute. */
    private final LogLimiter warnings = new LogLimiter(1, TimeUnit.MINUTES);
    private volatile Connection connection;
    private Channel channel;
    private ConfirmTracker tracker;
    private long backoffMs;
    private boolean everConnected;

    BrokerSession(BrokerKey key, LinkSettings settings, String threadName, LinkCounters counters,
            Set<RabbitDestination> destinations, BooleanSupplier stopping) {
        this.key = key;
        this.settings = settings;
        this.connector = new BrokerConnector(key, settings, threadName);
        this.counters = counters;
        this.destinations = destinations;
        this.stopping = stopping;
        this.backoffMs = settings.reconnectMinMs();
    }

    /**
     * Makes sure a channel is open, connecting first when needed.
     *
     * @param waiting how many events wait, for the warning when it fails
     * @return false when the broker cannot be reached now: every destination has been told why
     */
    boolean open(int waiting) {
        if (channel != null && channel.isOpen()) {
            return true;
        }
        try {
            if (connection == null || !connection.isOpen()) {
                connect();
            }
            ConfirmTracker confirms = settings.confirms() ? new ConfirmTracker(counters) : null;
            channel = connector.openChannel(connection, confirms, cause -> channelClosed(confirms, cause));
            tracker = confirms;
            return true;
        } catch (IOException | TimeoutException | RuntimeException e) {
            connectFailed(e, waiting);
            return false;
        }
    }

    private void connect() throws IOException, TimeoutException {
        connector.close(connection);
        Connection opened = connector.connect();
        opened.addShutdownListener(this::connectionLost);
        connection = opened;
        counters.connected(opened.isOpen());
        if (everConnected) {
            counters.reconnects.increment();
            LOG.info("reconnected to RabbitMQ {}", key.shown());
        } else {
            LOG.debug("connected to RabbitMQ {}", key.shown());
        }
        everConnected = true;
        backoffMs = settings.reconnectMinMs();
    }

    /** Waits out the back-off before the next attempt (less when stopped), and doubles it. */
    void pause(CountDownLatch stopped) throws InterruptedException {
        stopped.await(backoffMs, TimeUnit.MILLISECONDS);
        backoffMs = Math.min(backoffMs * 2, settings.reconnectMaxMs());
    }

    /**
     * Publishes one event on the open channel.
     *
     * @return false when it is to be published again on the next channel; true when it was published, or given
     *         up and reported
     */
    boolean publish(RabbitDestination destination, byte[] body) {
        ConfirmTracker confirms = tracker;
        long sequence = confirms == null ? 0 : channel.getNextPublishSeqNo();
        if (confirms != null) {
            confirms.expect(sequence, destination);
        }
        try {
            channel.basicPublish(destination.exchange(), destination.routingKey(),
                    destination.persistent() ? PERSISTENT : null, body);
        } catch (IOException | ShutdownSignalException e) {
            LOG.debug("publish to RabbitMQ {} failed: {}", key.shown(), e.toString());
            Connection broken = connection;
            if (e instanceof IOException && broken != null && broken.isOpen()) {
                // a write that failed leaves the socket in doubt: start again from a new connection
                broken.abort(CLOSE_TIMEOUT_MS);
            }
            // unless the channel's close already counted it failed, it goes out on the next channel
            return confirms != null && !confirms.withdraw(sequence);
        } catch (RuntimeException e) {
            if (confirms == null || confirms.withdraw(sequence)) {
                counters.failed.increment();
                destination.report().failed(1, "cannot publish to RabbitMQ " + key.shown() + ": " + e);
            }
            return true;
        }
        counters.published.increment();
        destination.report().sent(1);
        return true;
    }

    private void connectFailed(Exception e, int waiting) {
        if (stopping.getAsBoolean()) {
            return;
        }
        String reason = "cannot connect to " + key.shown() + ": " + Reasons.of(e, key.user());
        counters.connected(false);
        counters.error(reason);
        for (RabbitDestination destination : destinations) {
            destination.report().problem(reason);
        }
        long suppressed = warnings.permit();
        if (suppressed >= 0) {
            LOG.warn("{}; retrying in {} ms, {} events waiting{}", reason, backoffMs, waiting, suppressed(suppressed));
        }
    }

    private static String suppressed(long count) {
        return count == 0 ? "" : " (" + count + " similar warnings suppressed)";
    }

    private void connectionLost(ShutdownSignalException cause) {
        counters.connected(false);
        if (!cause.isInitiatedByApplication()) {
            String reason = "connection to " + key.shown() + " lost: " + Reasons.of(cause, key.user());
            counters.error(reason);
            long suppressed = warnings.permit();
            if (suppressed >= 0) {
                LOG.warn("{}; reconnecting with the next event{}", reason, suppressed(suppressed));
            }
        }
    }

    private void channelClosed(ConfirmTracker confirms, ShutdownSignalException cause) {
        String why = Reasons.of(cause, key.user());
        if (cause.isInitiatedByApplication()) {
            lost(confirms, "RabbitMQ transport stopped before " + key.shown() + " confirmed");
        } else if (cause.isHardError()) {
            lost(confirms, "connection to " + key.shown() + " lost before the broker confirmed: " + why);
        } else {
            String reason = "channel closed by " + key.shown() + ": " + why;
            counters.error(reason);
            LOG.debug(reason);
            if (confirms != null) {
                confirms.lost(reason);
            } else {
                // without confirms the refused event cannot be told apart: every subscriber hears of it
                destinations.forEach(destination -> destination.report().problem(reason));
            }
        }
    }

    private static void lost(ConfirmTracker confirms, String reason) {
        if (confirms != null) {
            confirms.lost(reason);
        }
    }

    /** Closes the connection, after giving the broker a moment to confirm what was published. */
    void close() {
        Connection open = connection;
        if (open != null && open.isOpen()) {
            connector.awaitConfirms(channel, CLOSE_TIMEOUT_MS);
            connector.close(open);
        }
        counters.connected(false);
    }

    /** From another thread: breaks the connection under a publish that blocks (a broker that stopped reading). */
    void abort() {
        Connection open = connection;
        if (open != null) {
            open.abort(CLOSE_TIMEOUT_MS);
        }
    }
}
