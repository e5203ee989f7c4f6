package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a UDP and a UNIX MI socket do alike: receive on their channel, tell their name and address, close. */
abstract class ChannelEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEndpoint.class);

    final DatagramChannel channel;
    private final SocketAddress local;
    private final String name;

    ChannelEndpoint(DatagramChannel channel, SocketAddress local, String name) {
        this.channel = channel;
        this.local = local;
        this.name = name;
    }

    @Override
    public SocketAddress receive(ByteBuffer request) throws IOException {
        return channel.receive(request);
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
        closed();
    }

    /** Removes what the endpoint created besides its channel; called once the channel is closed. */
    void closed() {
    }
}
