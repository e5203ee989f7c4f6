package org.evi4j.transport.unix.internal;

import java.io.IOException;

import org.evi4j.support.datagram.DestinationChannels;
import org.newsclub.net.unix.AFUNIXDatagramChannel;

/** Opens a destination's connected non-blocking channel. */
final class UnixChannelOpener implements DestinationChannels.Opener<UnixDestination, AFUNIXDatagramChannel> {

    /** @throws IOException when the path cannot be connected to (no such file, nothing listening, ...) */
    @Override
    public AFUNIXDatagramChannel open(UnixDestination destination) throws IOException {
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        try {
            channel.configureBlocking(false);
            channel.connect(destination.socketAddress());
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
