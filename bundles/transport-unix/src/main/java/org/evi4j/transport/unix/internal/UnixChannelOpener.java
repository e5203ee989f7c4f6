package org.evi4j.transport.unix.internal;

import java.io.IOException;
import java.nio.file.Files;

import org.evi4j.support.datagram.DestinationChannels;
import org.newsclub.net.unix.AFUNIXDatagramChannel;

/** Opens a destination's connected non-blocking channel. */
final class UnixChannelOpener implements DestinationChannels.Opener<UnixDestination, AFUNIXDatagramChannel> {

    /** @throws IOException when the path cannot be connected to (no such file, nothing listening, ...) */
    @Override
    public AFUNIXDatagramChannel open(UnixDestination destination) throws IOException {
        // connect() follows a link at the socket's own name: one put there since the subscription was checked
        // could aim anywhere, so refuse it (at each connect, which is rare: channels stay open)
        if (Files.isSymbolicLink(destination.realPath())) {
            throw new IOException("unix:" + destination.address() + " has become a symbolic link; not followed");
        }
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
