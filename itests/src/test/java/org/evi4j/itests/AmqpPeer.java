package org.evi4j.itests;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.evi4j.testkit.RabbitBroker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/** The test's own AMQP client (as guest): declares the queues the subscribers publish to and takes messages. */
final class AmqpPeer implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    AmqpPeer(RabbitBroker broker) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setAutomaticRecoveryEnabled(false);
        try {
            this.connection = factory.newConnection("evi4j-itest-peer");
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
        this.channel = connection.createChannel();
    }

    /**
     * A durable queue named as the routing key, on the default exchange: it outlives the broker application's stop
     * and start (a transient one would not).
     */
    void queue(String name) throws IOException {
        channel.queueDeclare(name, true, false, false, null);
    }

    /** The next message of the queue, waiting for it (bounded), or an AssertionError. */
    GetResponse take(String queue) {
        AtomicReference<GetResponse> got = new AtomicReference<>();
        Await.until("a message in queue " + queue, () -> {
            try {
                got.set(channel.basicGet(queue, true));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return got.get() != null;
        });
        return got.get();
    }

    /** Messages waiting in the queue. */
    long count(String queue) throws IOException {
        return channel.messageCount(queue);
    }

    /** Empties the queue. */
    void purge(String queue) throws IOException {
        channel.queuePurge(queue);
    }

    @Override
    public void close() throws IOException {
        connection.close(2000);
    }
}
