package org.evi4j.transport.kafka.internal;

import java.net.InetAddress;
import java.util.Optional;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.support.LinkedDestination;

/**
 * A parsed {@code kafka:} destination: its producer, topic, whether records carry the Call-ID as key, and the
 * subscriber's report. Listed as OpenSIPS lists it, {@code brokers/topic} as written, without the properties (they
 * may hold a password); it finds its producer on its first send and lets go of it when released.
 */
final class KafkaDestination extends LinkedDestination<ProducerLink> {

    private final String address;
    private final String shownAddress;
    private final ProducerKey producer;
    private final String topic;
    private final boolean keyedByCallId;
    private final InetAddress checkedAddress;

    KafkaDestination(String address, String shownAddress, ProducerKey producer, String topic, boolean keyedByCallId,
            InetAddress checkedAddress, DeliveryReport report) {
        super(report);
        this.address = address;
        this.shownAddress = shownAddress;
        this.producer = producer;
        this.topic = topic;
        this.keyedByCallId = keyedByCallId;
        this.checkedAddress = checkedAddress;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String shownAddress() {
        return shownAddress;
    }

    /** The broker address least likely to be allowed, so that {@code allowed_destinations} sees the worst one. */
    @Override
    public Optional<InetAddress> inetAddress() {
        return Optional.of(checkedAddress);
    }

    ProducerKey producer() {
        return producer;
    }

    String topic() {
        return topic;
    }

    boolean keyedByCallId() {
        return keyedByCallId;
    }






    @Override
    public String toString() {
        return "kafka:" + shownAddress;
    }
}
