package org.evi4j.transport.tcp.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one connection written in reliable mode and not answered yet, by id and in the order they were
 * written (so by deadline: the timeout is the same for all), and what becomes of them: a reply without error is
 * delivered, with an error failed, none within the timeout failed. Used by the sender thread only.
 */
final class PendingRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRequests.class);

    private final Map<Integer, Request> byId = new HashMap<>();
    private final ArrayDeque<Request> byDeadline = new ArrayDeque<>();
    private final String shown;
    private final int timeoutMs;
    private final ConnectionCounters counters;

    /** A written request waiting for its reply. */
    private static final class Request {
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

    /** @param shown the connection's {@code ip:port}, for reasons */
    PendingRequests(String shown, int timeoutMs, ConnectionCounters counters) {
        this.shown = shown;
        this.timeoutMs = timeoutMs;
        this.counters = counters;
    }

    /** Request {@code id} was written whole at {@code now}. */
    void add(int id, TcpDestination destination, long now) {
        Request request = new Request(id, destination, now + timeoutMs);
        Request old = byId.put(id, request);
        if (old != null) {
            // ids wrap after 2^31 - 1 requests on one connection: the older one cannot be told apart any more
            old.done = true;
        }
        byDeadline.add(request);
    }

    /** A reply to request {@code id} came, with an {@code error} member or not. */
    void answered(int id, boolean error) {
        Request request = byId.remove(id);
        if (request == null) {
            LOG.debug("no pending request with id {} on {}", id, shown);
            return;
        }
        request.done = true;
        if (error) {
            counters.failed.increment();
            request.destination.report().failed(1, "error reply from " + shown);
        } else {
            counters.delivered.increment();
            request.destination.report().delivered(1);
        }
    }

    /** Fails the requests whose deadline is at or before {@code now}. */
    void expire(long now) {
        for (Request head = byDeadline.peek(); head != null; head = byDeadline.peek()) {
            if (!head.done && head.deadline > now) {
                return;
            }
            byDeadline.poll();
            if (!head.done) {
                byId.remove(head.id);
                head.done = true;
                failed(head, "no reply from " + shown + " within " + timeoutMs + " ms");
            }
        }
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

    /** Fails every request still waiting (the connection is gone). */
    void failAll(String reason) {
        for (Request r : byDeadline) {
            if (!r.done) {
                r.done = true;
                failed(r, reason);
            }
        }
        byDeadline.clear();
        byId.clear();
    }

    private void failed(Request request, String reason) {
        counters.failed.increment();
        request.destination.report().failed(1, reason);
    }
}
