package org.evi4j.webconsole.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.api.EventInfo;

/**
 * Events per second per event over the last minutes, for the console's chart: the difference of each event's
 * raise counter from one second's sample to the next, so raising pays nothing for it. Bounded: one entry per second
 * kept, each with at most one number per published event. Used by one thread only.
 */
final class RateHistory {

    /** One second: the raises of each event that had any. */
    record Second(long epochSecond, Map<String, Long> raised) {
    }

    private final int seconds;
    private final ArrayDeque<Second> history;
    private Map<String, Long> previous;

    RateHistory(int seconds) {
        this.seconds = seconds;
        this.history = new ArrayDeque<>(seconds);
    }

    /** Samples the counters now; the first sample only sets the baseline and gives an empty second. */
    Second sample(long epochSecond, List<EventInfo> events) {
        Map<String, Long> now = new HashMap<>();
        Map<String, Long> raised = new HashMap<>();
        for (EventInfo event : events) {
            now.put(event.name(), event.raised());
            if (previous != null) {
                long before = previous.getOrDefault(event.name(), 0L);
                // a counter that went down was reset: everything it holds now is new
                long delta = event.raised() >= before ? event.raised() - before : event.raised();
                if (delta > 0) {
                    raised.put(event.name(), delta);
                }
            }
        }
        previous = now;
        Second second = new Second(epochSecond, Map.copyOf(raised));
        if (history.size() == seconds) {
            history.removeFirst();
        }
        history.addLast(second);
        return second;
    }

    /** The seconds kept, oldest first. */
    List<Second> all() {
        return List.copyOf(history);
    }
}
