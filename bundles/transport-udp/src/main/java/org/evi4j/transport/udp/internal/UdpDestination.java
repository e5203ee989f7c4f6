package org.evi4j.transport.udp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Optional;

import org.evi4j.spi.Destination;

/**
 * A parsed {@code udp:} destination. It carries its own connected channel, opened on first send, so that an ICMP
 * port unreachable is reported for this subscriber only and a send finds its socket without a look-up. Identity
 * matters (each instance owns a channel): the core compares subscribers by {@link #address()}.
 */
final class UdpDestination implements Destination {

    private final String address;
    private final InetSocketAddress target;
    private final Optional<InetAddress> inetAddress;
    private volatile DatagramChannel channel;

    UdpDestination(String address, InetAddress ip, int port) {
        this.address = address;
        this.target = new InetSocketAddress(ip, port);
        this.inetAddress = Optional.of(ip);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Optional<InetAddress> inetAddress() {
        return inetAddress;
    }

    InetSocketAddress target() {
        return target;
    }

    DatagramChannel channel() {
        return channel;
    }

    void channel(DatagramChannel channel) {
        this.channel = channel;
    }

    /** Closes the channel, if any; the next send opens a new one. */
    synchronized void closeChannel() throws IOException {
        DatagramChannel current = channel;
        channel = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "udp:" + address;
    }
}
