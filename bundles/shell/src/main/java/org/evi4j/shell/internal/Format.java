package org.evi4j.shell.internal;

import org.evi4j.api.SubscriberInfo;

/** Small renderings the commands share. */
final class Format {

    private Format() {
    }

    /** Seconds left, or {@code expired}, as the MI listings show it. */
    static String ttl(SubscriberInfo subscriber) {
        return subscriber.expired() ? "expired" : Long.toString(subscriber.ttl());
    }
}
