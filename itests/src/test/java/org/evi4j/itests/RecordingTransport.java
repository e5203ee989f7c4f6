package org.evi4j.itests;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/** An in-probe {@link EventTransport} for the scheme {@code test}: every send is recorded as address + bytes. */
final class RecordingTransport implements EventTransport {

    /** What one send carried. */
    record Sent(String address, byte[] payload) {
    }

    private record TestDestination(String address) implements Destination {
    }

    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

    @Override
    public Destination parse(String address) {
        if (address.isEmpty() || address.contains("/")) {
            throw new IllegalArgumentException("test address must be a plain word: '" + address + "'");
        }
        return new TestDestination(address);
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        ByteBuffer copy = payload.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        sent.add(new Sent(destination.address(), bytes));
        return SendResult.SENT;
    }

    /** The next recorded send, waiting up to {@code millis}; {@code null} when none. */
    Sent next(long millis) throws InterruptedException {
        return sent.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** How many sends are recorded and not yet taken. */
    int pending() {
        return sent.size();
    }
}
