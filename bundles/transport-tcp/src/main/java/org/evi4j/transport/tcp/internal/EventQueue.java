package org.evi4j.transport.tcp.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events waiting for one connection: offered by raising threads without blocking or locking, bounded in bytes,
 * taken by the sender thread.
 */
final class EventQueue {

    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long limit;

    EventQueue(long limit) {
        this.limit = limit;
    }

    /** @return whether it was taken; not when its bytes would exceed the limit */
    boolean offer(Queued event) {
        int length = event.bytes().length;
        if (bytes.addAndGet(length) > limit) {
            bytes.addAndGet(-length);
            return false;
        }
        queue.add(event);
        return true;
    }

    /** Takes an offered event back, unless it has been taken already. */
    boolean remove(Queued event) {
        if (!queue.remove(event)) {
            return false;
        }
        bytes.addAndGet(-event.bytes().length);
        return true;
    }

    /** The oldest event, or {@code null}. */
    Queued poll() {
        Queued event = queue.poll();
        if (event != null) {
            bytes.addAndGet(-event.bytes().length);
        }
        return event;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The bytes of the events waiting. */
    long bytes() {
        return bytes.get();
    }
}
