package org.evi4j.core.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's one background thread: sweeps expired subscribers periodically (expiry needs no journal record: a
 * restore drops expired subscriptions). Lives from {@link #start} to {@link #stop}.
 */
final class Housekeeper {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeper.class);

    private final long sweepMillis;
    private final ScheduledThreadPoolExecutor executor;
    private volatile EventEngine engine;

    Housekeeper(long sweepMillis) {
        this.sweepMillis = sweepMillis;
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

    /** Stops the thread. */
    void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("housekeeper thread did not stop within 5 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
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
}
