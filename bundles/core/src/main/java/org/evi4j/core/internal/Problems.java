package org.evi4j.core.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a subscriber's failures go, from the raising thread or a transport's report: kept as its last error and
 * warned about at most once a minute per subscriber, so that a dead receiver cannot flood the log.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final long WARN_INTERVAL_MILLIS = 60_000;

    private final Clock clock;

    Problems(Clock clock) {
        this.clock = clock;
    }

    void record(Subscriber s, String reason) {
        s.lastError = reason;
        long now = clock.millis();
        if (now >= s.nextWarning) {
            s.nextWarning = now + WARN_INTERVAL_MILLIS;
            LOG.warn("subscriber {}: {} (further warnings about it muted for {} s)", s.key, reason,
                    WARN_INTERVAL_MILLIS / 1000);
        }
    }
}
