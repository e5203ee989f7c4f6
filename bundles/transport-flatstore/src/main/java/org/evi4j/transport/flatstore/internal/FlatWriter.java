package org.evi4j.transport.flatstore.internal;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's one writing thread: raising threads hand it lines (bounded in bytes, never waiting), it appends
 * them to their files and writes whenever the hand-off runs dry, so a slow disk never stalls {@code raise}.
 * Rotations and closes go through the same hand-off, so they happen between the lines raised before and after them.
 * A raising thread wakes the writer only when it sleeps after an idle round (or the hand-off is half full); while
 * lines keep coming the writer looks again every {@value #BUSY_PAUSE_MICROS} µs, so a line reaches its file within
 * about a millisecond and a raise costs no system call.
 */
final class FlatWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FlatWriter.class);
    /** Lines taken before the buffered ones are written even when more keep coming. */
    private static final int BATCH = 4096;
    private static final long BUSY_PAUSE_MICROS = 500;

    /** One thing to do, in order: append {@code line}, or close the file when {@code line} is null. */
    private record Task(FlatFile file, byte[] line, DeliveryReport report) {
    }

    private static final Task STOP = new Task(null, null, null);

    private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final long limit;
    private final LogLimiter warnings = new LogLimiter(10, TimeUnit.SECONDS);
    private final Set<FlatFile> inUse = new LinkedHashSet<>();
    private final Thread thread;

    FlatWriter(long limit) {
        this.limit = limit;
        this.thread = new Thread(this::run, "evi4j-flatstore-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return whether the line was taken; not when the lines waiting would exceed the limit */
    boolean offer(FlatFile file, byte[] line, DeliveryReport report) {
        long queued = queuedBytes.addAndGet(line.length);
        if (queued > limit) {
            queuedBytes.addAndGet(-line.length);
            return false;
        }
        tasks.add(new Task(file, line, report));
        if (queued > limit / 2) {
            LockSupport.unpark(thread);
        } else {
            wake();
        }
        return true;
    }

    /** Closes the file after the lines queued before; the next line opens its path again. */
    void close(FlatFile file) {
        tasks.add(new Task(file, null, null));
        wake();
    }

    private void wake() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    /** Writes what is queued, closes every file and ends the thread, waiting at most {@code waitMs}. */
    void stop(long waitMs) throws InterruptedException {
        tasks.add(STOP);
        LockSupport.unpark(thread);
        thread.join(waitMs);
        if (thread.isAlive()) {
            LOG.warn("flatstore writer still busy after {} ms: interrupting it", waitMs);
            thread.interrupt();
            thread.join(waitMs);
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int taken = 0;
                Task task = tasks.poll();
                while (task != null && task != STOP) {
                    handle(task);
                    task = ++taken < BATCH ? tasks.poll() : null;
                }
                flushAll();
                if (task == STOP) {
                    return;
                }
                if (taken == 0) {
                    sleepUntilWoken();
                } else if (taken < BATCH) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(BUSY_PAUSE_MICROS));
                }
            }
        } finally {
            inUse.forEach(FlatFile::close);
        }
    }

    /** Idle: sleeps until a raising thread wakes it (checking once more, so that no line waits unseen). */
    private void sleepUntilWoken() {
        sleeping.set(true);
        while (sleeping.get() && !Thread.currentThread().isInterrupted()) {
            if (!tasks.isEmpty()) {
                sleeping.set(false);
                return;
            }
            LockSupport.park(this);
        }
    }

    private void handle(Task task) {
        FlatFile file = task.file();
        if (task.line() == null) {
            flush(file);
            file.close();
            inUse.remove(file);
            return;
        }
        queuedBytes.addAndGet(-task.line().length);
        try {
            file.append(task.line(), task.report());
            inUse.add(file);
        } catch (IOException e) {
            warn(file, e);
        }
    }

    private void flushAll() {
        for (FlatFile file : inUse) {
            flush(file);
        }
    }

    private void flush(FlatFile file) {
        try {
            file.flush();
        } catch (IOException e) {
            warn(file, e);
        }
    }

    private void warn(FlatFile file, IOException e) {
        long skipped = warnings.permit();
        if (skipped >= 0) {
            LOG.warn("cannot write events to {}: {}; lines are counted failed until it can be written again{}",
                    file.path(), e.toString(), skipped == 0 ? "" : " (" + skipped + " similar lines skipped)");
        }
    }
}
