package org.evi4j.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the subscriptions journal commits and compacts, from the core's configuration.
 *
 * @param commitWindowMicros  how long a commit waits for more changes before its force (0: not at all; changes
 *                            that arrive during a force share the next one anyway)
 * @param compactAfterRecords records appended before the journal is replaced by a snapshot
 */
record JournalSettings(long commitWindowMicros, int compactAfterRecords) {

    private static final Logger LOG = LoggerFactory.getLogger(JournalSettings.class);
    static final long MAX_WINDOW_MICROS = 100_000;

    static JournalSettings defaults() {
        return new JournalSettings(0, 10_000);
    }

    /** Reads a configuration; bad values are logged and replaced by the defaults. */
    static JournalSettings from(CoreConfig config) {
        JournalSettings d = defaults();
        long window = config.commit__window__us();
        if (window < 0 || window > MAX_WINDOW_MICROS) {
            LOG.warn("commit_window_us = {} is not within 0..{}; using {}", window, MAX_WINDOW_MICROS,
                    d.commitWindowMicros());
            window = d.commitWindowMicros();
        }
        int compact = config.compact__after__records();
        if (compact < 1) {
            LOG.warn("compact_after_records = {} is not a positive number; using {}", compact,
                    d.compactAfterRecords());
            compact = d.compactAfterRecords();
        }
        return new JournalSettings(window, compact);
    }
}
