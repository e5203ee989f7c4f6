package org.evi4j.evimi.internal;

import java.nio.charset.StandardCharsets;

import org.evi4j.api.EventInterface;

/**
 * How much of a listing fits one MI datagram reply ({@value EventInterface#MAX_DATAGRAM} bytes): each event and
 * subscriber is charged what its JSON (or legacy line, never longer) may take, escapes included, so a listing cut
 * to the budget never becomes a "Reply too large" error. Some room is kept for the envelope and the paging note.
 */
final class ReplyBudget {

    /** The datagram limit less room for the JSON-RPC envelope, a long id and the paging note. */
    static final int BYTES = EventInterface.MAX_DATAGRAM - 4_096;
    /** {@code {"socket":"","expire":2147483647,"ttl":"expired"},} and its legacy line, rounded up. */
    private static final int SUBSCRIBER_FRAME = 64;
    /** {@code {"name":"","id":2147483647,"Subscribers":[]},} rounded up. */
    private static final int EVENT_FRAME = 64;

    private int left = BYTES;

    boolean takeEvent(String name) {
        return take(EVENT_FRAME + escapedLength(name));
    }

    boolean takeSubscriber(String socket) {
        return take(SUBSCRIBER_FRAME + escapedLength(socket));
    }

    private boolean take(int cost) {
        if (cost > left) {
            left = 0;
            return false;
        }
        left -= cost;
        return true;
    }

    /** The bytes a string takes in JSON at worst: control characters as six-byte escapes, UTF-8 otherwise. */
    private static int escapedLength(String s) {
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                n += 5;
            } else if (c == '"' || c == '\\') {
                n += 1;
            }
        }
        return n;
    }
}
