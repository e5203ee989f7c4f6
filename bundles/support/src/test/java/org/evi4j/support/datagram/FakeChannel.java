package org.evi4j.support.datagram;

import java.nio.channels.Channel;

/** A channel that is only open or closed. */
final class FakeChannel implements Channel {
    private volatile boolean open = true;

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
