package org.evi4j.support.datagram;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A transport's per-destination channels: hands out each destination's open channel, opening one on first use
 * (or when the last one was closed), closes one on release, and all of them when the transport goes away; from
 * then on every send fails with {@link ClosedChannelException}. Thread-safe; the usual path (an open channel) takes
 * no lock and allocates nothing.
 *
 * @param <D> the transport's destination type
 * @param <C> the kind of channel
 */
public final class DestinationChannels<D, C extends Channel> {

    /** Opens and connects a new channel to a destination; closes what it opened if it fails. */
    @FunctionalInterface
    public interface Opener<D, C> {
        C open(D destination) throws IOException;
    }

    private final Function<D, ChannelSlot<C>> slots;
    private final Opener<D, C> opener;
    private final Set<D> withChannel = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param slots  the slot each destination keeps its channel in
     * @param opener opens a destination's channel
     */
    public DestinationChannels(Function<D, ChannelSlot<C>> slots, Opener<D, C> opener) {
        this.slots = slots;
        this.opener = opener;
    }

    /** The destination's open channel, opening and connecting one first if it has none. */
    public C channelFor(D destination) throws IOException {
        ChannelSlot<C> slot = slots.apply(destination);
        C channel = slot.get();
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        synchronized (slot) {
            channel = slot.get();
            if (channel == null || !channel.isOpen()) {
                if (closed) {
                    throw new ClosedChannelException();
                }
                channel = opener.open(destination);
                slot.set(channel);
                withChannel.add(destination);
            }
        }
        if (closed) {
            // lost a race with close(): do not leave a channel behind
            slot.discard(channel);
            throw new ClosedChannelException();
        }
        return channel;
    }

    /** Closes a channel that failed; the destination's next send opens a new one. */
    public void discard(D destination, C channel) throws IOException {
        slots.apply(destination).discard(channel);
    }

    /** Closes the destination's channel, if any; a later send opens a new one. */
    public void release(D destination) throws IOException {
        withChannel.remove(destination);
        slots.apply(destination).close();
    }

    /** Closes every channel; sends fail from now on. */
    public void close() {
        closed = true;
        for (D destination : withChannel) {
            try {
                release(destination);
            } catch (IOException e) {
                // closing a datagram socket cannot lose data; nothing to report beyond the attempt
            }
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** How many destinations hold a channel now. */
    public int openCount() {
        return withChannel.size();
    }
}
