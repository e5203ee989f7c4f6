package org.evi4j.mi.internal;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The dispatcher's counters, shown as statistics group {@code mi}. Thread-safe and cheap to bump. */
public final class MiCounters {

    /** The counter names, in the order statistics list them. */
    static final List<String> NAMES = List.of("requests", "errors", "parse_errors", "notifications");

    final LongAdder requests = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder parseErrors = new LongAdder();
    final LongAdder notifications = new LongAdder();

    long get(String name) {
        LongAdder adder = adder(name);
        return adder == null ? 0 : adder.sum();
    }

    void reset(String name) {
        LongAdder adder = adder(name);
        if (adder != null) {
            adder.reset();
        }
    }

    private LongAdder adder(String name) {
        return switch (name) {
            case "requests" -> requests;
            case "errors" -> errors;
            case "parse_errors" -> parseErrors;
            case "notifications" -> notifications;
            default -> null;
        };
    }
}
