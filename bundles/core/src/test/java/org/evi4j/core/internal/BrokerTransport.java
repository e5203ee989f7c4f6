package org.evi4j.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * A transport like a broker client's: addresses {@code user[:password]@host/key} whose shown address leaves the
 * password out, and sends answered {@link SendResult#PENDING} whose fate the test reports later through the
 * {@link DeliveryReport} the transport was given with the destination. A host that is an IPv4 literal is the
 * destination's IP. Addresses without {@code @} are refused.
 */
final class BrokerTransport implements EventTransport {

    /** The full addresses parsed, in order, with the report given for each (lookups included). */
    final List<String> parsed = new CopyOnWriteArrayList<>();
    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    /** The report of the destination of each send, in order. */
    final List<DeliveryReport> sends = new CopyOnWriteArrayList<>();
    final List<String> released = new CopyOnWriteArrayList<>();
    volatile Supplier<SendResult> result = () -> SendResult.PENDING;
    /** A problem reported while parsing, as a client that connects at once would; null for none. */
    volatile String problemOnParse;
    volatile RuntimeException releaseFailure;

    @Override
    public Destination parse(String address) {
        return parse(address, DeliveryReport.NONE);
    }

    @Override
    public Destination parse(String address, DeliveryReport report) {
        int at = address.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("no user@ in broker address");
        }
        int colon = address.indexOf(':');
        String shown = colon >= 0 && colon < at ? address.substring(0, colon) + address.substring(at) : address;
        parsed.add(address);
        reports.add(report);
        if (problemOnParse != null) {
            report.problem(problemOnParse);
        }
        return new Dest(address, shown, ip(address.substring(at + 1)), report);
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        sends.add(((Dest) destination).report);
        return result.get();
    }

    @Override
    public void release(Destination destination) {
        released.add(destination.address());
        if (releaseFailure != null) {
            throw releaseFailure;
        }
    }

    /** The report given with the destination of the last send. */
    DeliveryReport lastSendReport() {
        return sends.get(sends.size() - 1);
    }

    private static InetAddress ip(String hostAndKey) {
        String host = hostAndKey.split("/", 2)[0];
        if (!host.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad host", e);
        }
    }

    record Dest(String address, String shownAddress, InetAddress ip, DeliveryReport report) implements Destination {
        @Override
        public Optional<InetAddress> inetAddress() {
            return Optional.ofNullable(ip);
        }
    }
}
