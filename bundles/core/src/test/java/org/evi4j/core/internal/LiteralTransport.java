package org.evi4j.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * A transport for fuzzing that validates like the real ones (udp: {@code HOST:PORT}, {@code [IPv6]:PORT}, port
 * 1-65535; unix: absolute path of at most 107 bytes without NUL) but never resolves a name: only IP literals have
 * an address, any other host is refused as unresolvable, so that no mutated string reaches DNS. Counts the
 * destinations it handed out and got back.
 */
final class LiteralTransport implements EventTransport {

    private static final Pattern PLAIN = Pattern.compile("([^:\\[\\]]+):([0-9]{1,5})");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)\\]:([0-9]{1,5})");
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

    final AtomicInteger parsed = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    private final boolean unix;

    LiteralTransport(boolean unix) {
        this.unix = unix;
    }

    @Override
    public Destination parse(String address) {
        Destination d = unix ? path(address) : udp(address);
        parsed.incrementAndGet();
        return d;
    }

    private static Destination path(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.indexOf('\0') >= 0
                || path.getBytes(StandardCharsets.UTF_8).length > 107) {
            throw new IllegalArgumentException("bad UNIX socket path '" + path + "'");
        }
        return new Dest(path, null);
    }

    private static Destination udp(String address) {
        Matcher m = BRACKETED.matcher(address);
        boolean v6 = m.matches();
        if (!v6) {
            m = PLAIN.matcher(address);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad UDP address '" + address + "'");
            }
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + address + "'");
        }
        InetAddress ip = v6 ? v6(m.group(1)) : v4(m.group(1));
        String host = v6 ? "[" + m.group(1) + "]" : m.group(1);
        return new Dest(host + ":" + port, ip);
    }

    private static InetAddress v6(String literal) {
        try {
            // in brackets the JDK takes only an IPv6 literal and never asks DNS
            return InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad IPv6 literal '" + literal + "'", e);
        }
    }

    private static InetAddress v4(String host) {
        Matcher m = IPV4.matcher(host);
        if (!m.matches()) {
            throw new IllegalArgumentException("host '" + host + "' does not resolve (no DNS in this test)");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                throw new IllegalArgumentException("bad IPv4 literal '" + host + "'");
            }
            bytes[i] = (byte) octet;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        return SendResult.SENT;
    }

    @Override
    public void release(Destination destination) {
        released.incrementAndGet();
    }

    /** Destinations handed out and not given back. */
    int outstanding() {
        return parsed.get() - released.get();
    }

    record Dest(String address, InetAddress ip) implements Destination {
        @Override
        public Optional<InetAddress> inetAddress() {
            return Optional.ofNullable(ip);
        }
    }
}
