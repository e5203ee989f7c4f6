package org.evi4j.itests;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives from a {@link DatagramPeer} in a thread of its own until closed, counting datagrams, so that a
 * receiver under load never lets its queue fill. It also notes when the first datagram after a {@link #mark()}
 * arrived: how long delivery took to resume.
 */
final class PeerDrain implements AutoCloseable {

    private static final int RECEIVE_MILLIS = 50;
    private static final long NONE = Long.MIN_VALUE;

    private final DatagramPeer peer;
    private final int receiveMillis;
    private final Thread thread;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running = true;
    private volatile long markNanos = NONE;
    private volatile long firstAfterMarkNanos = NONE;
    private volatile IOException failure;

    private PeerDrain(DatagramPeer peer, String name, int receiveMillis) {
        this.peer = peer;
        this.receiveMillis = receiveMillis;
        this.thread = new Thread(this::run, "itest-drain-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts draining the peer (which the caller still closes, after this). */
    static PeerDrain start(DatagramPeer peer, String name) {
        return start(peer, name, RECEIVE_MILLIS);
    }

    /**
     * As {@link #start(DatagramPeer, String)}, each receive waiting up to {@code receiveMillis}. junixsocket sets a
     * socket's send timeout together with its receive timeout: a peer that also sends needs a long one, or a send
     * that waits for room in a busy receiver's queue gives up silently.
     */
    static PeerDrain start(DatagramPeer peer, String name, int receiveMillis) {
        PeerDrain drain = new PeerDrain(peer, name, receiveMillis);
        drain.thread.start();
        return drain;
    }

    private void run() {
        while (running) {
            byte[] datagram;
            try {
                datagram = peer.receive(receiveMillis);
            } catch (IOException e) {
                if (running) {
                    failure = e;
                }
                return;
            }
            if (datagram != null) {
                long now = System.nanoTime();
                received.incrementAndGet();
                if (markNanos != NONE && firstAfterMarkNanos == NONE && now - markNanos >= 0) {
                    firstAfterMarkNanos = now;
                }
            }
        }
    }

    /** Datagrams received so far. */
    long received() {
        return received.get();
    }

    /** From now on, waits for the next datagram: {@link #millisToFirstAfterMark()} then tells when it came. */
    void mark() {
        firstAfterMarkNanos = NONE;
        markNanos = System.nanoTime();
    }

    /** Whether a datagram arrived since the last {@link #mark()}. */
    boolean receivedSinceMark() {
        return firstAfterMarkNanos != NONE;
    }

    /** Milliseconds from the last {@link #mark()} to the first datagram after it (call once it came). */
    double millisToFirstAfterMark() {
        if (firstAfterMarkNanos == NONE) {
            throw new AssertionError("no datagram on " + peer + " since the mark");
        }
        return (firstAfterMarkNanos - markNanos) / 1e6;
    }

    /** Stops the thread (bounded), failing if the peer broke while draining. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Await.TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " did not stop");
        }
        if (failure != null) {
            throw new AssertionError("receiving on " + peer + " failed", failure);
        }
    }
}
