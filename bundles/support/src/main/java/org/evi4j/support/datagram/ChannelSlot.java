package org.evi4j.support.datagram;

import java.io.IOException;
import java.nio.channels.Channel;

/**
 * Where a destination keeps its connected channel: empty until the first send opens one, emptied when that channel
 * fails or the destination is released. Reads are lock-free; changes hold the slot's lock, so that a channel that
 * replaced a failed one is never closed by mistake. {@link DestinationChannels} fills and empties it.
 *
 * @param <C> the kind of channel
 */
public final class ChannelSlot<C extends Channel> {

    private volatile C channel;

    /** The channel, or {@code null} when the destination has none. */
    public C get() {
        return channel;
    }

    synchronized void set(C opened) {
        channel = opened;
    }

    /** Forgets and closes the given channel; a channel that replaced it in the meantime is left alone. */
    public void discard(C dead) throws IOException {
        synchronized (this) {
            if (channel == dead) {
                channel = null;
            }
        }
        dead.close();
    }

    /** Forgets and closes the channel, if any. */
    public void close() throws IOException {
        C current;
        synchronized (this) {
            current = channel;
            channel = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
