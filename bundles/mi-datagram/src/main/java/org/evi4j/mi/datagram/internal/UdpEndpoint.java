package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.evi4j.support.net.Networks;
import org.evi4j.support.net.SocketName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP MI socket: requests and replies go through the same channel, as in OpenSIPS. The channel blocks while a
 * reader waits in {@link #receive} and is non-blocking while the reader {@link #poll polls}. Switching takes the
 * channel's read lock, so it waits for a thread blocked in a receive; leader/follower makes one thread at a time
 * receive, and that thread is the one that switches, so it never waits on itself.
 */
final class UdpEndpoint extends ChannelEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

    private final Networks sources;

    private UdpEndpoint(DatagramChannel channel, String configuredHost, Networks sources) throws IOException {
        super(channel, channel.getLocalAddress(), name((InetSocketAddress) channel.getLocalAddress(), configuredHost));
        this.sources = sources;
    }

    private static String name(InetSocketAddress local, String configuredHost) {
        InetAddress address = local.getAddress();
        // an IPv6 literal as the user wrote it ([::1]) reads better than the JDK's full form
        String host = configuredHost.indexOf(':') >= 0 ? configuredHost : address.getHostAddress();
        return "udp:" + (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + local.getPort();
    }

    /** Resolves the host and binds. */
    static UdpEndpoint open(SocketName socket, Networks sources) throws IOException {
        InetAddress address = InetAddress.getByName(socket.host());
        DatagramChannel channel = DatagramChannel.open(address instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(address, socket.port()));
            UdpEndpoint endpoint = new UdpEndpoint(channel, socket.host(), sources);
            if (sources.isEmpty()) {
                LOG.warn("MI socket {}: allowed_sources is empty, every request will be ignored", endpoint.name());
            }
            return endpoint;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public SocketAddress receive(ByteBuffer request) throws IOException {
        if (!channel.isBlocking()) {
            channel.configureBlocking(true);
        }
        return channel.receive(request);
    }

    @Override
    public boolean canPoll() {
        return true;
    }

    @Override
    public SocketAddress poll(ByteBuffer request) throws IOException {
        if (channel.isBlocking()) {
            channel.configureBlocking(false);
        }
        return channel.receive(request);
    }

    @Override
    public boolean reply(ByteBuffer reply, SocketAddress to) throws IOException {
        int length = reply.remaining();
        // a reply sent while the channel polls does not wait: 0 bytes sent = no room in the socket's send buffer
        return channel.send(reply, to) == length;
    }

    @Override
    public boolean allows(SocketAddress source) {
        return source instanceof InetSocketAddress && sources.allows(((InetSocketAddress) source).getAddress());
    }
}
