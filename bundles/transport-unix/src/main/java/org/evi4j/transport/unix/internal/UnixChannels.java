package org.evi4j.transport.unix.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.newsclub.net.unix.AFUNIXDatagramChannel;

/**
 * Opens, hands out and closes the connected non-blocking channel of each destination, and closes them all when
 * the transport goes away.
 */
final class UnixChannels {

    private final Set<UnixDestination> withChannel = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * The destination's channel, opening and connecting one first if it has none.
     *
     * @throws IOException when the path cannot be connected to (no such file, nothing listening, ...)
     */
    AFUNIXDatagramChannel channelFor(UnixDestination destination) throws IOException {
        AFUNIXDatagramChannel channel = destination.channel();
        if (channel != null) {
            return channel;
        }
        synchronized (destination) {
            channel = destination.channel();
            if (channel == null) {
                channel = open(destination);
                destination.channel(channel);
                withChannel.add(destination);
            }
        }
        if (closed) {
            // lost a race with close(): do not leave a channel behind
            discard(destination, channel);
            throw new ClosedChannelException();
        }
        return channel;
    }

    private AFUNIXDatagramChannel open(UnixDestination destination) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
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

    /** Closes a channel that failed; the destination's next send opens a new one. */
    void discard(UnixDestination destination, AFUNIXDatagramChannel channel) throws IOException {
        destination.discard(channel);
    }

    /** Closes the destination's channel, if any. */
    void release(UnixDestination destination) throws IOException {
        withChannel.remove(destination);
        AFUNIXDatagramChannel channel = destination.channel();
        if (channel != null) {
            destination.discard(channel);
        }
    }

    /** Closes every channel; sends fail from now on. */
    void close() {
        closed = true;
        for (UnixDestination destination : withChannel) {
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
