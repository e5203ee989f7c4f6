package org.evi4j.transport.udp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Optional;

import org.evi4j.spi.Destination;
import org.evi4j.support.datagram.ChannelSlot;

/**
 * A parsed {@code udp:} destination. It carries its own connected channel, opened on first send, so that an ICMP
 * port unreachable is reported for this subscriber only and a send finds its socket without a look-up. Instances
 * matter (each owns a channel). Its {@link #identity()} is the resolved IP and port, so that every spelling of one
 * target ({@code localhost}, {@code 127.000.0.1}, {@code [::ffff:7f00:1]}) is one subscriber.
 */
final class UdpDestination implements Destination {

    private final String address;
    private final InetSocketAddress target;
    private final Optional<InetAddress> inetAddress;
    private final String identity;
    private final ChannelSlot<DatagramChannel> slot = new ChannelSlot<>();

    UdpDestination(String address, InetAddress ip, int port) {
        this.address = address;
        this.target = new InetSocketAddress(ip, port);
        this.inetAddress = Optional.of(ip);
        this.identity = ip instanceof Inet6Address ? '[' + ip.getHostAddress() + "]:" + port
                : ip.getHostAddress() + ':' + port;
    }

    @Override
    public String identity() {
        return identity;
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

    /** The connected channel, or {@code null} before the first send and after a release. */
    DatagramChannel channel() {
        return slot.get();
    }

    ChannelSlot<DatagramChannel> slot() {
        return slot;
    }

    @Override
    public String toString() {
        return "udp:" + address;
    }
}
