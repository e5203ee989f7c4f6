package org.evi4j.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * A transport that records what it is given. Addresses containing {@code bad} or empty are refused; an address
 * {@code IP:port} or {@code [IPv6]:port} with an IP literal has that IP; spaces around it are trimmed (canonical).
 */
final class TestTransport implements EventTransport {

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> released = new CopyOnWriteArrayList<>();
    final AtomicInteger parses = new AtomicInteger();
    volatile Supplier<SendResult> result = () -> SendResult.SENT;
    /** Runs at each parse (a slow name look-up, say). */
    volatile Runnable onParse = () -> { };

    @Override
    public Destination parse(String address) {
        parses.incrementAndGet();
        onParse.run();
        String canonical = address.trim();
        if (canonical.isEmpty() || canonical.contains("bad")) {
            throw new IllegalArgumentException("bad address '" + address + "'");
        }
        return new Dest(canonical, ip(canonical));
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        SendResult r = result.get();
        sent.add(new Sent(destination.address(), bytes));
        return r;
    }

    @Override
    public void release(Destination destination) {
        released.add(destination.address());
    }

    /** The addresses sent to, in order. */
    List<String> addresses() {
        return sent.stream().map(Sent::address).collect(Collectors.toList());
    }

    /** The payloads sent to one address, as text. */
    List<String> texts(String address) {
        List<String> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.address.equals(address)) {
                out.add(new String(s.bytes, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static InetAddress ip(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        if (!host.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad host " + host, e);
        }
    }

    record Dest(String address, InetAddress ip) implements Destination {
        @Override
        public Optional<InetAddress> inetAddress() {
            return Optional.ofNullable(ip);
        }
    }

    record Sent(String address, byte[] bytes) {
    }
}
