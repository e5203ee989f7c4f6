package org.evi4j.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.core.internal.ChangeLog.Applied;

/**
 * The changes waiting for a commit, and who commits them (leader/follower): a caller that finds no commit under
 * way becomes the committer and runs the commit for everything queued; the others wait until their change is
 * settled, or until the commit under way ends and one of them takes the next. Requests that arrive during a commit
 * therefore share the next one.
 */
final class CommitQueue {

    private final Object lock = new Object();
    private List<Pending> queue = new ArrayList<>();
    private boolean committing;
    private boolean closed;

    void add(Pending p) {
        synchronized (lock) {
            queue.add(p);
        }
    }

    /** Returns once {@code p} is settled; runs {@code commit} whenever the caller is the committer meanwhile. */
    void await(Pending p, Runnable commit) {
        boolean interrupted = false;
        while (true) {
            synchronized (lock) {
                while (!p.done && committing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the change must be settled either way; answer after it is
                    }
                }
                if (p.done) {
                    break;
                }
                committing = true;
            }
            try {
                commit.run();
            } finally {
                synchronized (lock) {
                    committing = false;
                    lock.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes everything queued. */
    List<Pending> drain() {
        synchronized (lock) {
            List<Pending> batch = queue;
            queue = new ArrayList<>();
            return batch;
        }
    }

    /** Ends these changes: durable when {@code failure} is {@code null}; wakes their callers. */
    void settle(List<Pending> batch, String failure) {
        synchronized (lock) {
            for (Pending p : batch) {
                p.failure = failure;
                p.done = true;
            }
            lock.notifyAll();
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Waits for the commit under way, then runs {@code last}; every later commit sees {@link #isClosed}. */
    void close(Runnable last) {
        boolean interrupted = false;
        synchronized (lock) {
            while (committing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            closed = true;
            last.run();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A change made in memory, its framed record, and how it ended (guarded by the queue's lock). */
    static final class Pending {
        final Applied<?> applied;
        final byte[] frame;
        private boolean done;
        private String failure;

        Pending(Applied<?> applied, byte[] frame) {
            this.applied = applied;
            this.frame = frame;
        }

        /** Why it was not saved, or {@code null}; read after {@link CommitQueue#await} returned. */
        String failure() {
            return failure;
        }
    }
}
