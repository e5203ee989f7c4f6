package org.evi4j.evimi.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many new subscriptions each MI client has created in the current hour, so that one client cannot fill the
 * core's limits for everyone. Remembers the most recently active {@value #SOURCES} clients (a forgotten one starts
 * again from zero). Thread-safe.
 */
final class SourceQuota {

    static final int DEFAULT_PER_HOUR = 500;
    private static final int SOURCES = 4096;
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

    private final int perHour;
    private final Map<String, long[]> windows = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > SOURCES;
        }
    };

    /** @param perHour new subscriptions per client and hour; 0 for no limit */
    SourceQuota(int perHour) {
        this.perHour = Math.max(0, perHour);
    }

    int perHour() {
        return perHour;
    }

    /** Counts one new subscription of the client; false when its quota for this hour is used up. */
    synchronized boolean take(String source) {
        if (perHour == 0) {
            return true;
        }
        long now = System.nanoTime();
        long[] window = windows.computeIfAbsent(source, s -> new long[] {now, 0});
        if (now - window[0] >= HOUR_NANOS) {
            window[0] = now;
            window[1] = 0;
        }
        if (window[1] >= perHour) {
            return false;
        }
        window[1]++;
        return true;
    }
}
