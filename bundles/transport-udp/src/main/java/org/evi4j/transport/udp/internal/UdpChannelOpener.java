package org.evi4j.transport.udp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

import org.evi4j.support.datagram.DestinationChannels;

/** Opens a destination's connected non-blocking channel, from the configured address and send buffer size. */
final class UdpChannelOpener implements DestinationChannels.Opener<UdpDestination, DatagramChannel> {

    private final InetAddress bindAddress;
    private final int sendBufferSize;

    /**
     * @param bindAddress    local address to send from, or {@code null} for any
     * @param sendBufferSize SO_SNDBUF in bytes, or 0 for the operating system's default
     */
    UdpChannelOpener(InetAddress bindAddress, int sendBufferSize) {
        this.bindAddress = bindAddress;
        this.sendBufferSize = sendBufferSize;
    }

    @Override
    public DatagramChannel open(UdpDestination destination) throws IOException {
        InetSocketAddress target = destination.target();
        ProtocolFamily family = target.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        DatagramChannel channel = DatagramChannel.open(family);
        try {
            channel.configureBlocking(false);
            if (sendBufferSize > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
            }
            if (bindAddress != null) {
                channel.bind(new InetSocketAddress(bindAddress, 0));
            }
            channel.connect(target);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
