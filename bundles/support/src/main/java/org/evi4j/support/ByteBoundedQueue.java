package org.evi4j.support;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * A hand-off between raising threads and one sending thread, bounded by the bytes it holds rather than by a count of
 * items, so that its memory is known whatever the events weigh. {@link #offer} never blocks: an item that does not
 * fit is refused, and the caller counts it dropped. The sending thread takes items in batches; an item taken still
 * counts against the bound until the taker {@link #release releases} it (sent, or given up), so that what the taker
 * holds is bounded too. An item heavier than the whole bound is refused even when the queue is empty. Thread-safe.
 *
 * @param <E> the items
 */
public final class ByteBoundedQueue<E> {

    private final long maxBytes;
    private final ToIntFunction<E> weigher;
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long bytes;

    /**
     * @param maxBytes the most bytes the queue holds, 1 or more
     * @param weigher  an item's bytes (as its holder counts them: payload and overhead); called once per offer and
     *                 once per removal, so it must answer the same each time
     */
    public ByteBoundedQueue(long maxBytes, ToIntFunction<E> weigher) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the byte bound must be 1 or more: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.weigher = weigher;
    }

    /** Adds the item unless it would take the queue past its bound; never blocks. */
    public boolean offer(E item) {
        int weight = weigher.applyAsInt(item);
        lock.lock();
        try {
            if (weight > maxBytes - bytes) {
                return false;
            }
            items.addLast(item);
            bytes += weight;
            if (items.size() == 1) {
                notEmpty.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the bytes of an item taken by {@link #drainTo}, once the taker is done with it. */
    public void release(E item) {
        int weight = weigher.applyAsInt(item);
        lock.lock();
        try {
            bytes -= weight;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the item if it is still queued (a send taken back), freeing its bytes; true when it was. */
    public boolean remove(E item) {
        lock.lock();
        try {
            if (items.removeLastOccurrence(item)) {
                bytes -= weigher.applyAsInt(item);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves at most {@code max} items, oldest first, into {@code into}, waiting up to the timeout for the first one.
     * Their bytes stay counted until {@link #release released}.
     *
     * @return how many were moved; 0 after the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public int drainTo(Collection<? super E> into, int max, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            int moved = 0;
            while (moved < max && !items.isEmpty()) {
                into.add(items.pollFirst());
                moved++;
            }
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** Moves every item into {@code into}, without waiting; their bytes stay counted until released. */
    public int drainTo(Collection<? super E> into) {
        lock.lock();
        try {
            int moved = items.size();
            into.addAll(items);
            items.clear();
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** The bytes held now: queued, and taken but not released. */
    public long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** The items queued now (not those taken). */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** The bound given at construction. */
    public long maxBytes() {
        return maxBytes;
    }
}
