package org.evi4j.transport.rabbitmq.internal;

import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownListener;

/**
 * Opens and closes the connections and channels of one broker login with the client library: blocking I/O, no
 * automatic recovery (the publisher reconnects itself), the configured timeouts, and the library's threads named
 * after the publisher's so that none goes unnoticed.
 */
final class BrokerConnector {

    private static final String CLIENT_NAME = "evi4j";
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final int CHANNEL_RPC_TIMEOUT_MS = 10_000;
    private static final int CLOSE_TIMEOUT_MS = 2000;

    private final ConnectionFactory factory = new ConnectionFactory();

    BrokerConnector(BrokerKey key, LinkSettings settings, String threadName) {
        factory.useBlockingIo();
        factory.setHost(key.ip().getHostAddress());
        factory.setPort(key.port());
        factory.setUsername(key.user());
        factory.setPassword(key.password());
        factory.setVirtualHost("/");
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(settings.connectTimeoutMs());
        factory.setHandshakeTimeout(Math.max(HANDSHAKE_TIMEOUT_MS, settings.connectTimeoutMs()));
        factory.setChannelRpcTimeout(CHANNEL_RPC_TIMEOUT_MS);
        factory.setRequestedHeartbeat(settings.heartbeatS());
        factory.setShutdownTimeout(0);
        factory.setThreadFactory(clientThreads(threadName + "-io-"));
        factory.setExceptionHandler(new QuietDriverErrors());
    }

    private static ThreadFactory clientThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            String name = prefix + count.incrementAndGet();
            // the library renames its connection thread after creating it: the thread takes our name back at start
            Thread thread = new Thread(() -> {
                Thread.currentThread().setName(name);
                task.run();
            }, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    Connection connect() throws IOException, TimeoutException {
        return factory.newConnection(CLIENT_NAME);
    }

    /**
     * Opens a channel, in confirm mode when {@code confirms} is given, which then hears the broker's acks and
     * nacks. The close listener hears of the channel's end, whoever ends it.
     */
    Channel openChannel(Connection connection, ConfirmTracker confirms, ShutdownListener closed) throws IOException {
        Channel channel = connection.createChannel();
        if (channel == null) {
            throw new IOException("the broker has no channel left for this connection");
        }
        try {
            if (confirms != null) {
                channel.confirmSelect();
                channel.addConfirmListener(confirms::acked, confirms::nacked);
            }
            channel.addShutdownListener(closed);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.abort();
            throw e;
        }
    }

    /** Gives the broker a moment to confirm what was published before the connection closes. */
    void awaitConfirms(Channel channel, long millis) {
        if (channel == null || !channel.isOpen() || channel.getNextPublishSeqNo() == 0) {
            return;
        }
        try {
            channel.waitForConfirms(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            // what is still unconfirmed is reported lost when the channel closes
        }
    }

    /** Closes a connection, waiting a bounded time for the broker; aborts it when that fails. */
    void close(Connection connection) {
        if (connection == null || !connection.isOpen()) {
            return;
        }
        try {
            connection.close(CLOSE_TIMEOUT_MS);
        } catch (IOException | RuntimeException e) {
            connection.abort(CLOSE_TIMEOUT_MS);
        }
    }
}
