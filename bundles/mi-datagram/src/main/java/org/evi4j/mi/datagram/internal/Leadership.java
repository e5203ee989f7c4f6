package org.evi4j.mi.datagram.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which reader of a socket receives: leader/follower. The leader receives a request and serves it itself, so a
 * request wakes no other thread (several threads blocked in the JDK's {@code DatagramChannel.receive} hand its
 * read lock over on every request: a futex wake and a context switch each time). One other reader, the watcher,
 * looks at the leader every {@link #HANDOVER_NANOS} while requests come in; when it finds the leader still in the
 * same dispatch, it becomes the leader and receives, so a slow command keeps other clients waiting that long at
 * most. The former leader, once done, waits to become the watcher; further readers wait likewise. After
 * {@link #QUIET_NANOS} without a request the watcher sleeps until the leader's next dispatch wakes it: an idle
 * socket wakes nobody.
 */
final class Leadership {
    /** How long a dispatch may run before another reader takes over receiving. */
    static final long HANDOVER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int QUIET_LOOKS = (int) (QUIET_NANOS / HANDOVER_NANOS);

    /**
     * Dispatches started, doubled: odd while the leader dispatches, even while it receives. Moving it from odd to
     * even ends the leader's dispatch; whoever does so is the leader (a watcher that takes over, or the leader when
     * nobody did), so the count is also the baton.
     */
    private final AtomicLong turn = new AtomicLong();
    private final AtomicReference<Thread> sleepingWatcher = new AtomicReference<>();
    private final ReentrantLock watcherSeat = new ReentrantLock();
    private volatile boolean closed;

    /**
     * The leader starts serving a request it received.
     *
     * @return the turn to pass to {@link #dispatched}
     */
    long dispatching() {
        long dispatch = turn.incrementAndGet();
        if (sleepingWatcher.get() != null) {
            Thread watcher = sleepingWatcher.getAndSet(null);
            if (watcher != null) {
                LockSupport.unpark(watcher);
            }
        }
        return dispatch;
    }

    /** @return whether the caller is still the leader, i.e. nobody took over during the dispatch */
    boolean dispatched(long dispatch) {
        return turn.compareAndSet(dispatch, dispatch + 1);
    }

    /**
     * Waits, as a follower, until the caller has become the leader.
     *
     * @return {@code true} once the caller is the leader, {@code false} once {@link #close closed}
     */
    boolean awaitLeadership() {
        watcherSeat.lock();
        try {
            return watch();
        } finally {
            watcherSeat.unlock();
        }
    }

    private boolean watch() {
        long seen = turn.get();
        int quietLooks = 0;
        while (!closed) {
            if (quietLooks >= QUIET_LOOKS) {
                seen = sleep(seen);
                quietLooks = 0;
                continue;
            }
            LockSupport.parkNanos(this, HANDOVER_NANOS);
            long now = turn.get();
            if (now != seen) {
                seen = now;
                quietLooks = 0;
            } else if ((now & 1) == 0) {
                quietLooks++;
            } else if (turn.compareAndSet(now, now + 1)) {
                // the same dispatch has run for at least one look
                return true;
            }
        }
        return false;
    }

    /** Sleeps until the leader's next dispatch (or close); returns the turn then. */
    private long sleep(long seen) {
        Thread me = Thread.currentThread();
        sleepingWatcher.set(me);
        // read after announcing the sleep: a dispatch started in between either sees the announcement or is seen here
        while (turn.get() == seen && !closed && sleepingWatcher.get() == me) {
            LockSupport.park(this);
        }
        sleepingWatcher.compareAndSet(me, null);
        return turn.get();
    }

    /** Ends the waits of the followers; call it once the socket is closed (which ends the leader's receive). */
    void close() {
        closed = true;
        Thread watcher = sleepingWatcher.getAndSet(null);
        if (watcher != null) {
            LockSupport.unpark(watcher);
        }
    }
}
