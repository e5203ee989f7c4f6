package org.evi4j.transport.virtual.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * A transport that completes its sends later, as the tcp transport in reliable mode or RabbitMQ with confirms do:
 * every send answers PENDING, and the test says afterwards what became of it through the report the transport was
 * given with the destination.
 */
final class AsyncTransport implements EventTransport {

    final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile DeliveryReport report = DeliveryReport.NONE;

    @Override
    public Destination parse(String address) {
        return () -> address;
    }

    @Override
    public Destination parse(String address, DeliveryReport r) {
        report = r;
        return parse(address);
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        sent.add(java.nio.charset.StandardCharsets.UTF_8.decode(payload.duplicate()).toString());
        return SendResult.PENDING;
    }

    /** The far end refused or never answered the pending sends. */
    void fail(int count, String reason) {
        report.failed(count, reason);
    }

    /** The connection is refused while the sends wait in the transport's queue. */
    void problem(String reason) {
        report.problem(reason);
    }

    void deliver(int count) {
        report.sent(count);
        report.delivered(count);
    }
}
