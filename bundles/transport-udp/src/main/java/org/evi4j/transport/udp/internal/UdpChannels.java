package org.evi4j.transport.udp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens, hands out and closes the connected non-blocking channel of each destination, and closes them all when
 * the transport goes away.
 */
final class UdpChannels {

    private final InetAddress bindAddress;
    private final int sendBufferSize;
    private final Set<UdpDestination> withChannel = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param bindAddress    local address to send from, or {@code null} for any
     * @param sendBufferSize SO_SNDBUF in bytes, or 0 for the operating system's default
     */
    UdpChannels(InetAddress bindAddress, int sendBufferSize) {
        this.bindAddress = bindAddress;
        this.sendBufferSize = sendBufferSize;
    }

    /** The destination's open channel, opening and connecting one first if it has none. */
    DatagramChannel channelFor(UdpDestination destination) throws IOException {
        DatagramChannel channel = destination.channel();
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        synchronized (destination) {
            channel = destination.channel();
            if (channel == null || !channel.isOpen()) {
                channel = open(destination.target());
                destination.channel(channel);
                withChannel.add(destination);
            }
        }
        if (closed) {
            // lost a race with close(): do not leave a channel behind
            destination.closeChannel();
            throw new ClosedChannelException();
        }
        return channel;
    }

    private DatagramChannel open(InetSocketAddress target) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
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

    /** Closes the destination's channel; a later send opens a new one. */
    void release(UdpDestination destination) throws IOException {
        withChannel.remove(destination);
        destination.closeChannel();
    }

    /** Closes every channel; sends fail from now on. */
    void close() {
        closed = true;
        for (UdpDestination destination : withChannel) {
            try {
                release(destination);
            } catch (IOException e) {
                // closing a datagram socket cannot lose data; nothing to report beyond the attempt
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** How many destinations hold a channel now. */
    int openCount() {
        return withChannel.size();
    }
}
