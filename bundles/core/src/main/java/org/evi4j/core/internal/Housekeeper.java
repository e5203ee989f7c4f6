package org.evi4j.core.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's one background thread: sweeps expired subscribers periodically and saves the subscriptions shortly
 * after they change (many changes in a burst give one write). Lives from {@link #start} to {@link #stop}.
 */
final class Housekeeper {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeper.class);

    private final SubscriptionStore store;
    private final long sweepMillis;
    private final long saveDelayMillis;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor executor;
    private volatile EventEngine engine;

    /**
     * @param store where subscriptions are saved, or {@code null} not to save them
     */
    Housekeeper(SubscriptionStore store, long sweepMillis, long saveDelayMillis) {
        this.store = store;
        this.sweepMillis = sweepMillis;
        this.saveDelayMillis = saveDelayMillis;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "evi4j-core-housekeeper");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void start(EventEngine e) {
        engine = e;
        executor.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** Notes that the subscriptions changed; they are saved after the save delay. */
    void changed() {
        if (store != null && dirty.compareAndSet(false, true)) {
            try {
                executor.schedule(this::save, saveDelayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                dirty.set(false);
            }
        }
    }

    /** Stops the thread and saves the subscriptions one last time. */
    void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("housekeeper thread did not stop within 5 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        EventEngine e = engine;
        if (store != null && e != null) {
            store.save(e.stored());
        }
    }


    private void sweep() {
        try {
            EventEngine e = engine;
            if (e != null) {
                e.purgeExpired();
            }
        } catch (RuntimeException ex) {
            LOG.warn("sweep of expired subscribers failed", ex);
        }
    }

    private void save() {
        EventEngine e = engine;
        if (e != null && dirty.getAndSet(false)) {
            store.save(e.stored());
        }
    }
}
