package org.evi4j.mi.http.internal;

import java.util.concurrent.atomic.LongAdder;

import org.evi4j.mi.MiEndpointStatistics;

/** The counters of the MI over HTTP, updated by the servlet. */
final class HttpCounters implements MiEndpointStatistics {
    private final String socket;
    final LongAdder requests = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder errors = new LongAdder();

    HttpCounters(String socket) {
        this.socket = socket;
    }

    @Override
    public String socket() {
        return socket;
    }

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public long replies() {
        return replies.sum();
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    /** Refusals happen in the {@link HttpGuard}, before a request reaches the MI: counted there. */
    @Override
    public long refused() {
        return 0;
    }
}
