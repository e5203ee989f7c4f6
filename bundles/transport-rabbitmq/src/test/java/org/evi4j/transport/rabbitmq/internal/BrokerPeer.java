package org.evi4j.transport.rabbitmq.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.evi4j.testkit.RabbitBroker;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/** The tests' own client of the broker: declares queues and exchanges and takes what the transport published. */
final class BrokerPeer implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    BrokerPeer(RabbitBroker broker) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setAutomaticRecoveryEnabled(false);
        this.connection = factory.newConnection("evi4j-test-peer");
        this.channel = connection.createChannel();
    }

    /** A queue for the default exchange: named as the routing key. */
    void queue(String name) throws IOException {
        channel.queueDeclare(name, false, false, true, null);
    }

    void queue(String name, Map<String, Object> arguments) throws IOException {
        channel.queueDeclare(name, false, false, true, arguments);
    }

    void durableQueue(String name) throws IOException {
        channel.queueDeclare(name, true, false, false, null);
    }

    void exchangeWithQueue(String exchange, String queue, String routingKey) throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, false, true, null);
        channel.queueDeclare(queue, false, false, true, null);
        channel.queueBind(queue, exchange, routingKey);
    }

    /** Waits (at most ten seconds) for the next message of a queue. */
    GetResponse take(String queue) {
        AtomicReference<GetResponse> got = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got.set(channel.basicGet(queue, true));
            return got.get() != null;
        });
        return got.get();
    }

    long count(String queue) throws IOException {
        return channel.messageCount(queue);
    }

    @Override
    public void close() throws IOException {
        connection.close(2000);
    }
}
