package org.evi4j.core.internal;

import org.evi4j.core.internal.SubscriptionStore.Stored;

/**
 * One change of the subscriptions as the journal keeps it. Records are absolute (a put holds the subscriber's whole
 * state, a remove names its key), so that replaying a record on a state that already holds it changes nothing.
 */
sealed interface JournalRecord {

    /** The event and subscriber key the record is about: what a later record of the same key replaces. */
    String key();

    /** A subscriber subscribed or refreshed: its whole state. */
    record Put(Stored stored) implements JournalRecord {
        @Override
        public String key() {
            return JournalRecord.key(stored.event(), stored.scheme(), stored.shown());
        }
    }

    /** A subscriber removed. */
    record Remove(String event, String scheme, String shown) implements JournalRecord {
        @Override
        public String key() {
            return JournalRecord.key(event, scheme, shown);
        }
    }

    static String key(String event, String scheme, String shown) {
        return event + ' ' + SocketSpec.key(scheme, shown);
    }
}
