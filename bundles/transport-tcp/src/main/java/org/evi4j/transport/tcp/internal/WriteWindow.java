package org.evi4j.transport.tcp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import org.evi4j.api.EventInterface;

/**
 * The bytes on their way to one connection's socket: events taken from the queue are copied back to back into one
 * buffer (no framing, as OpenSIPS writes them) and written in as few writes as the socket allows; each event is
 * known as written once its last byte is. When a connection breaks, the event written in part is cut out, so that
 * the next connection starts at an event boundary. Used by the sender thread only.
 */
final class WriteWindow {

    /** Room for the largest event the core hands over, and a batch of small ones. */
    static final int CAPACITY = 2 * EventInterface.MAX_DATAGRAM;

    private final ByteBuffer out = ByteBuffer.allocateDirect(CAPACITY).flip();
    private final ArrayDeque<Placed> placedEvents = new ArrayDeque<>();
    /** Stream offsets: bytes ever put into the buffer, bytes ever written from it. */
    private long placed;
    private long written;
    /** An event taken from the queue that did not fit yet. */
    private Queued held;

    private record Placed(Queued event, long end) {
    }

    /** Moves events from the queue into the buffer while they fit. */
    void fill(EventQueue queue) {
        out.compact();
        try {
            for (Queued q = held != null ? held : queue.poll(); q != null; q = queue.poll()) {
                if (q.bytes().length > out.remaining()) {
                    held = q;
                    return;
                }
                held = null;
                out.put(q.bytes());
                placed += q.bytes().length;
                placedEvents.add(new Placed(q, placed));
            }
        } finally {
            out.flip();
        }
    }

    boolean isEmpty() {
        return !out.hasRemaining() && held == null;
    }

    /**
     * Writes what the socket takes now.
     *
     * @param done told of every event whose last byte was written
     * @return whether the buffer is empty now
     */
    boolean writeTo(WritableByteChannel channel, Consumer<Queued> done) throws IOException {
        while (out.hasRemaining()) {
            int n = channel.write(out);
            if (n == 0) {
                break;
            }
            written += n;
        }
        complete(done);
        return !out.hasRemaining();
    }

    /** Whether an event has been written in part only. */
    boolean partial() {
        Placed head = placedEvents.peek();
        return head != null && head.end - head.event.bytes().length < written;
    }

    /** Writes what the socket takes now of the event written in part, and nothing after it. */
    void writePartialTo(WritableByteChannel channel, Consumer<Queued> done) throws IOException {
        if (!partial()) {
            return;
        }
        int limit = out.limit();
        out.limit(out.position() + (int) (placedEvents.peek().end - written));
        try {
            written += channel.write(out);
        } finally {
            out.limit(limit);
        }
        complete(done);
    }

    private void complete(Consumer<Queued> done) {
        for (Placed p = placedEvents.peek(); p != null && p.end <= written; p = placedEvents.peek()) {
            placedEvents.poll();
            done.accept(p.event);
        }
    }

    /** Cuts out the event written in part, if any, and returns it; the rest waits for the next connection. */
    Queued cutPartial() {
        if (!partial()) {
            return null;
        }
        Placed head = placedEvents.poll();
        out.position(out.position() + (int) (head.end - written));
        written = head.end;
        return head.event;
    }

    /** Every event not written yet, removed (the buffer is then empty). */
    void drainTo(Consumer<Queued> left) {
        placedEvents.forEach(p -> left.accept(p.event));
        placedEvents.clear();
        if (held != null) {
            left.accept(held);
            held = null;
        }
        written = placed;
        out.clear().flip();
    }
}
