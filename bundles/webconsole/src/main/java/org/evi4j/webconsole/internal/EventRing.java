package org.evi4j.webconsole.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.evi4j.api.Event;

/**
 * The last raised events, for the live tail: a fixed ring written by the raising threads without locks and read by
 * the one flushing thread. When more events come than a reader takes, the older ones are overwritten and counted as
 * skipped: the tail is a sample, never a queue, so a raise costs the same with or without browsers watching.
 */
final class EventRing {

    /** A raised event with its place in the sequence of raises and the time it was seen. */
    record Raised(long seq, long millis, Event event) {
    }

    /** What a reader got: events in raise order and how many it missed since its last read. */
    record Batch(List<Raised> events, long skipped, long next) {
    }

    private final AtomicLong next = new AtomicLong();
    private final AtomicReferenceArray<Raised> slots;
    private final int mask;

    /** @param capacity rounded up to a power of two */
    EventRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /** Called from the raising thread: constant time, no lock, no wait. */
    void add(Event event, long millis) {
        long seq = next.getAndIncrement();
        slots.set((int) (seq & mask), new Raised(seq, millis, event));
    }

    /** The sequence number the next raise gets: a reader starting now begins here. */
    long head() {
        return next.get();
    }

    /**
     * The events raised from sequence {@code from} on, at most {@code max} of them (the newest), and how many of
     * the rest were skipped (over {@code max}, overwritten, or still being written).
     */
    Batch since(long from, int max) {
        long end = next.get();
        long start = Math.max(from, Math.max(end - slots.length(), end - max));
        List<Raised> events = new ArrayList<>((int) Math.max(0, end - start));
        for (long seq = start; seq < end; seq++) {
            Raised raised = slots.get((int) (seq & mask));
            if (raised != null && raised.seq() == seq) {
                events.add(raised);
            }
        }
        long skipped = Math.max(0, end - from) - events.size();
        return new Batch(events, skipped, end);
    }
}
