package org.evi4j.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.core.internal.JournalCodec.Decoded;
import org.evi4j.core.internal.JournalRecord.Put;
import org.evi4j.core.internal.SubscriptionStore.Stored;

/**
 * The subscriptions a journal's bytes describe: its records replayed in order, up to the last whole one. What
 * follows is either a torn tail (a last record cut short or half written by a crash, or zeros: never acknowledged,
 * so ignored) or damage inside the file ({@link #damaged}: the caller sets the file aside).
 *
 * @param state     the subscriptions by key, in the order they were first subscribed (a refresh keeps its place)
 * @param records   whole records read
 * @param ignored   bytes after the last whole record
 * @param damaged   whether those bytes are more than a torn last record
 */
record JournalReplay(Map<String, Stored> state, int records, int ignored, boolean damaged) {

    /** @throws IllegalArgumentException when the bytes do not start with the journal's magic */
    static JournalReplay of(byte[] bytes) {
        int header = JournalCodec.MAGIC.length;
        if (bytes.length < header || !Arrays.equals(bytes, 0, header, JournalCodec.MAGIC, 0, header)) {
            throw new IllegalArgumentException("not an evi4j journal (no header)");
        }
        Map<String, Stored> state = new LinkedHashMap<>();
        int at = header;
        int records = 0;
        for (Decoded d = JournalCodec.read(bytes, at, bytes.length); d != null;
                d = JournalCodec.read(bytes, at, bytes.length)) {
            apply(state, d.record());
            at = d.next();
            records++;
        }
        int ignored = bytes.length - at;
        boolean torn = JournalCodec.claimedEnd(bytes, at, bytes.length) >= bytes.length || zeros(bytes, at);
        return new JournalReplay(state, records, ignored, ignored > 0 && !torn);
    }

    /** The live state after one more record. */
    static void apply(Map<String, Stored> state, JournalRecord record) {
        if (record instanceof Put put) {
            state.put(record.key(), put.stored());
        } else {
            state.remove(record.key());
        }
    }

    List<Stored> subscriptions() {
        return new ArrayList<>(state.values());
    }

    private static boolean zeros(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
