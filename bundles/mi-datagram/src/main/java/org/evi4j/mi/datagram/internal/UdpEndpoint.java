package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A UDP MI socket: requests and replies go through the same blocking channel, as in OpenSIPS. */
final class UdpEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final SourceFilter sources;
    private final String name;

    private UdpEndpoint(DatagramChannel channel, String configuredHost, SourceFilter sources) throws IOException {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.sources = sources;
        InetAddress address = local.getAddress();
        // an IPv6 literal as the user wrote it ([::1]) reads better than the JDK's full form
        String host = configuredHost.indexOf(':') >= 0 ? configuredHost : address.getHostAddress();
        this.name = "udp:" + (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + local.getPort();
    }

    /** Resolves the host and binds. */
    static UdpEndpoint open(SocketName socket, SourceFilter sources) throws IOException {
        InetAddress address = InetAddress.getByName(socket.host());
        DatagramChannel channel = DatagramChannel.open(address instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(address, socket.port()));
            UdpEndpoint endpoint = new UdpEndpoint(channel, socket.host(), sources);
            if (sources.isEmpty()) {
                LOG.warn("MI socket {}: allowed_sources is empty, every request will be ignored", endpoint.name);
            }
            return endpoint;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public SocketAddress receive(ByteBuffer request) throws IOException {
        return channel.receive(request);
    }

    @Override
    public boolean reply(ByteBuffer reply, SocketAddress to) throws IOException {
        channel.send(reply, to);
        return true;
    }

    @Override
    public boolean allows(SocketAddress source) {
        return source instanceof InetSocketAddress && sources.allows(((InetSocketAddress) source).getAddress());
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("MI socket {}: close failed: {}", name, e.toString());
        }
    }
}
