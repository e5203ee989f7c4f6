package org.evi4j.transport.tcp.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The requests of one connection written in reliable mode and not answered yet, by id and in the order they were
 * written (so by deadline: the timeout is the same for all). Used by the sender thread only.
 */
final class PendingRequests {

    private final Map<Integer, Request> byId = new HashMap<>();
    private final ArrayDeque<Request> byDeadline = new ArrayDeque<>();

    /** A written request waiting for its reply. */
    static final class Request {
        final int id;
        final TcpDestination destination;
        final long deadline;
        boolean done;

        Request(int id, TcpDestination destination, long deadline) {
            this.id = id;
            this.destination = destination;
            this.deadline = deadline;
        }
    }

    void add(int id, TcpDestination destination, long deadline) {
        Request request = new Request(id, destination, deadline);
        Request old = byId.put(id, request);
        if (old != null) {
            // ids wrap after 2^31 requests on one connection: the older one cannot be told apart any more
            old.done = true;
        }
        byDeadline.add(request);
    }

    /** The request answered by a reply with this id, or {@code null} when none waits for it (late, unknown). */
    Request answered(int id) {
        Request request = byId.remove(id);
        if (request != null) {
            request.done = true;
        }
        return request;
    }

    /** The next request whose deadline is at or before {@code now}, removed; {@code null} when none. */
    Request expired(long now) {
        for (Request head = byDeadline.peek(); head != null; head = byDeadline.peek()) {
            if (!head.done && head.deadline > now) {
                return null;
            }
            byDeadline.poll();
            if (!head.done) {
                byId.remove(head.id);
                head.done = true;
                return head;
            }
        }
        return null;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        for (Request head = byDeadline.peek(); head != null; head = byDeadline.peek()) {
            if (!head.done) {
                return head.deadline;
            }
            byDeadline.poll();
        }
        return Long.MAX_VALUE;
    }

    /** Every request still waiting, removed. */
    Iterable<Request> drain() {
        ArrayDeque<Request> left = new ArrayDeque<>();
        for (Request r : byDeadline) {
            if (!r.done) {
                r.done = true;
                left.add(r);
            }
        }
        byDeadline.clear();
        byId.clear();
        return left;
    }

    int size() {
        return byId.size();
    }
}
