package org.evi4j.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.evi4j.api.StorageException;
import org.evi4j.core.internal.CommitQueue.Pending;
import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link ChangeLog}: an append-only journal with group commit. Callers make their change in memory one
 * at a time and queue its record; the first caller that finds no commit under way becomes the committer: it writes
 * every queued record in one write, forces it once, and wakes the callers those records belong to; callers that
 * arrive meanwhile wait and are served by the next commit, so requests arriving together share one force. After
 * {@code compact_after_records} records the journal is replaced by a snapshot of the durable state (kept beside
 * memory, so that a snapshot never holds a change that is not durable).
 * <p>
 * When a write fails, the failed records and every one queued after them are undone in reverse order, their
 * callers get a {@link StorageException}, a WARN is logged (at most one per 10 s), and the next commit first writes
 * a fresh snapshot: it recovers by itself once the disk is writable again. No thread of its own: the committer is
 * always a caller.
 */
final class JournalLog implements ChangeLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalLog.class);
    /** A journal larger than this is compacted whatever its record count. */
    private static final long COMPACT_BYTES = 32L * 1024 * 1024;

    private final JournalFile file;
    private final SubscriptionStore legacy;
    private final Clock clock;
    private final long windowNanos;
    private final int compactAfter;
    private final LogLimiter warnings = new LogLimiter(10, TimeUnit.SECONDS);
    /** Held while memory changes and its record is queued: memory order is journal order. */
    private final ReentrantLock changes = new ReentrantLock();
    private final CommitQueue queue = new CommitQueue();
    // owned by the committer (or by open/close, before and after use)
    private final Map<String, Stored> durable = new LinkedHashMap<>();
    private int sinceSnapshot;
    private String broken = "journal not opened yet";

    /**
     * @param dir where the journal lives (and the subscriptions file of older versions, migrated from)
     */
    JournalLog(Path dir, Clock clock, long commitWindowMicros, int compactAfterRecords) {
        this.file = new JournalFile(dir);
        this.legacy = new SubscriptionStore(dir.resolve(SubscriptionStore.NAME));
        this.clock = clock;
        this.windowNanos = TimeUnit.MICROSECONDS.toNanos(commitWindowMicros);
        this.compactAfter = compactAfterRecords;
    }

    /**
     * What the journal holds, up to its last whole record; the older subscriptions file when there is no journal.
     */
    List<Stored> load() {
        return new JournalLoader(file, legacy).load();
    }

    /**
     * Starts the journal with exactly these subscriptions (what restore kept), as a durable snapshot; the older
     * subscriptions file is deleted once that is done. When it fails, changes fail until a snapshot succeeds.
     */
    void open(List<Stored> restored) {
        durable.clear();
        for (Stored s : restored) {
            durable.put(JournalRecord.key(s.event(), s.scheme(), s.shown()), s);
        }
        try {
            snapshot();
            Files.deleteIfExists(legacy.path());
        } catch (IOException e) {
            LOG.warn("subscriptions journal {} cannot be written ({}): subscription changes fail until it can",
                    file.path(), e.toString());
        }
    }

    @Override
    public <T> T commit(Change<T> change) {
        Pending p;
        changes.lock();
        try {
            Applied<T> applied = change.apply();
            if (applied.record() == null) {
                applied.durable().run();
                return applied.result();
            }
            p = new Pending(applied, JournalCodec.frame(applied.record()));
            queue.add(p);
        } finally {
            changes.unlock();
        }
        queue.await(p, this::commitQueued);
        if (p.failure() != null) {
            throw new StorageException("subscription change not saved: " + p.failure());
        }
        p.applied.durable().run();
        @SuppressWarnings("unchecked")
        T result = (T) p.applied.result();
        return result;
    }

    /** Waits for any commit under way; nothing is written afterwards. */
    @Override
    public void close() {
        queue.close(file::close);
    }

    /** The committer: writes and forces what is queued, or undoes it all. */
    private void commitQueued() {
        if (windowNanos > 0) {
            LockSupport.parkNanos(windowNanos);
        }
        List<Pending> batch = queue.drain();
        try {
            if (queue.isClosed()) {
                throw new IOException("the core is stopping");
            }
            if (broken != null) {
                snapshot();
                LOG.info("subscriptions journal {} is writable again", file.path());
            }
            file.append(bytes(batch));
        } catch (IOException | RuntimeException e) {
            fail(batch, e);
            return;
        }
        for (Pending p : batch) {
            JournalReplay.apply(durable, p.applied.record());
        }
        sinceSnapshot += batch.size();
        queue.settle(batch, null);
        if (sinceSnapshot >= compactAfter || file.size() > COMPACT_BYTES) {
            try {
                snapshot();
            } catch (IOException e) {
                warn("could not compact the subscriptions journal " + file.path() + " (" + e + ")");
            }
        }
    }

    private void fail(List<Pending> batch, Exception cause) {
        broken = cause.toString();
        file.close();
        List<Pending> all = new ArrayList<>(batch);
        changes.lock();
        try {
            all.addAll(queue.drain());
            for (int i = all.size() - 1; i >= 0; i--) {
                try {
                    all.get(i).applied.undo().run();
                } catch (RuntimeException e) {
                    LOG.error("could not undo a subscription change that was not saved", e);
                }
            }
        } finally {
            changes.unlock();
        }
        warn("subscription changes not saved to " + file.path() + " (" + cause + "): " + all.size()
                + " requests refused, subscriptions unchanged; retried at the next change");
        queue.settle(all, why(cause));
    }

    private void snapshot() throws IOException {
        try {
            long now = clock.millis();
            durable.values().removeIf(s -> s.subscribedAt() + s.expire() * 1000L <= now);
            file.snapshot(durable.values());
            sinceSnapshot = 0;
            broken = null;
        } catch (IOException | RuntimeException e) {
            broken = e.toString();
            throw e;
        }
    }

    private static ByteBuffer bytes(List<Pending> batch) {
        int size = 0;
        for (Pending p : batch) {
            size += p.frame.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (Pending p : batch) {
            out.put(p.frame);
        }
        return out.flip();
    }

    /** Why, for the caller (an MI client): the reason without the data folder's path, which the WARN line has. */
    private static String why(Exception cause) {
        if (cause instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : fse.getClass().getSimpleName();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private void warn(String message) {
        long skipped = warnings.permit();
        if (skipped >= 0) {
            LOG.warn("{}{}", message, skipped > 0 ? " (" + skipped + " similar warnings skipped)" : "");
        }
    }
}
