package org.evi4j.core.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.evi4j.support.LogLimiter;
import org.evi4j.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a subscriber's failures go, from the raising thread or a transport's report: kept as its last error and
 * warned about at most once a minute per subscriber, and at most {@value #LINES_PER_SECOND} lines a second for all
 * subscribers together, so that neither one dead receiver nor a thousand of them can flood the log.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final long WARN_INTERVAL_MILLIS = 60_000;
    private static final int LINES_PER_SECOND = 10;

    private final Clock clock;
    private final LogLimiter budget = new LogLimiter(LINES_PER_SECOND, 1, TimeUnit.SECONDS);

    Problems(Clock clock) {
        this.clock = clock;
    }

    void record(Subscriber s, String reason) {
        s.lastError = reason;
        long now = clock.millis();
        if (now >= s.nextWarning) {
            s.nextWarning = now + WARN_INTERVAL_MILLIS;
            long skipped = budget.permit();
            if (skipped >= 0) {
                LOG.warn("subscriber {}: {} (further warnings about it muted for {} s){}", LogText.escape(s.key),
                        LogText.escape(reason), WARN_INTERVAL_MILLIS / 1000, LogLimiter.suppressedNote(skipped));
            }
        }
    }
}
