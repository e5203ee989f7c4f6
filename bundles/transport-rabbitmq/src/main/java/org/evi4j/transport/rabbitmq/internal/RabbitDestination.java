package org.evi4j.transport.rabbitmq.internal;

import java.net.InetAddress;
import java.util.Optional;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.support.LinkedDestination;

/**
 * A parsed {@code rabbitmq:} destination: the broker login, where to publish, and the subscriber's report. It finds
 * its broker connection on its first send and lets go of it when released.
 */
final class RabbitDestination extends LinkedDestination<BrokerLink> {

    private final BrokerKey broker;
    private final String exchange;
    private final String routingKey;
    private final boolean persistent;
    private final String address;
    private final String shownAddress;
    private final Optional<InetAddress> inetAddress;

    RabbitDestination(BrokerKey broker, String exchange, String routingKey, boolean persistent,
            DeliveryReport report) {
        super(report);
        this.broker = broker;
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.persistent = persistent;
        String path = '/' + params() + PercentCoding.encode(routingKey, PercentCoding.ROUTING_KEY);
        String where = broker.host() + ':' + broker.port() + path;
        String user = PercentCoding.encode(broker.user(), PercentCoding.USER_INFO);
        this.address = user + ':' + PercentCoding.encode(broker.password(), PercentCoding.USER_INFO) + '@' + where;
        this.shownAddress = user + '@' + where;
        this.inetAddress = Optional.of(broker.ip());
    }

    /** The canonical parameters, {@code exchange=X;persistent?}, or nothing when both have their defaults. */
    private String params() {
        StringBuilder params = new StringBuilder();
        if (!exchange.isEmpty()) {
            params.append("exchange=").append(PercentCoding.encode(exchange, PercentCoding.EXCHANGE));
        }
        if (persistent) {
            params.append(params.length() == 0 ? "" : ";").append("persistent");
        }
        return params.length() == 0 ? "" : params.append('?').toString();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String shownAddress() {
        return shownAddress;
    }

    @Override
    public Optional<InetAddress> inetAddress() {
        return inetAddress;
    }

    BrokerKey broker() {
        return broker;
    }

    String exchange() {
        return exchange;
    }

    String routingKey() {
        return routingKey;
    }

    boolean persistent() {
        return persistent;
    }






    @Override
    public String toString() {
        return "rabbitmq:" + shownAddress;
    }
}
