package org.evi4j.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The subscribers of an event at one moment, newest first, with the encoders they use: what a raise reads without
 * a lock. Replaced as a whole on every change (copy-on-write); never modified.
 *
 * @param subscribers  newest first
 * @param encoders     the distinct encoder names in use
 * @param encoderIndex for each subscriber, the index of its encoder in {@code encoders}
 */
record Snapshot(Subscriber[] subscribers, String[] encoders, int[] encoderIndex) {

    static final Snapshot EMPTY = new Snapshot(new Subscriber[0], new String[0], new int[0]);

    static Snapshot of(List<Subscriber> newestFirst, String defaultEncoder) {
        if (newestFirst.isEmpty()) {
            return EMPTY;
        }
        Subscriber[] subscribers = newestFirst.toArray(new Subscriber[0]);
        List<String> encoders = new ArrayList<>(2);
        int[] index = new int[subscribers.length];
        for (int i = 0; i < subscribers.length; i++) {
            String chosen = subscribers[i].lease().encoder();
            String encoder = chosen == null ? defaultEncoder : chosen;
            int at = encoders.indexOf(encoder);
            if (at < 0) {
                at = encoders.size();
                encoders.add(encoder);
            }
            index[i] = at;
        }
        return new Snapshot(subscribers, encoders.toArray(new String[0]), index);
    }
}
