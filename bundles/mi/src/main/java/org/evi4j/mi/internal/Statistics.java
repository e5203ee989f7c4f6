package org.evi4j.mi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EventTotals;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;

/**
 * evi4j's statistics, named {@code group:name} as OpenSIPS's: group {@code evi} ({@code events_raised},
 * {@code raised_<EVENT>} per event, {@code subscribers}, and {@code sent}, {@code delivered}, {@code failed},
 * {@code dropped}, {@code undelivered} summed over the live subscribers) when the Event Interface is there, and
 * group {@code mi} (the dispatcher's {@code requests}, {@code errors}, {@code parse_errors}, {@code notifications}).
 */
final class Statistics {

    static final String PARAM = "statistics";
    static final String NOT_FOUND = "Statistics Not Found";

    /** One statistic. */
    record Stat(String group, String name, long value, boolean incremental) {
        String fullName() {
            return group + ":" + name;
        }
    }

    private Statistics() {
    }

    /** Every statistic now, group by group. */
    static List<Stat> all(EventInterface events, MiCounters counters) {
        List<Stat> stats = new ArrayList<>();
        if (events != null) {
            evi(events, stats);
        }
        for (String name : MiCounters.NAMES) {
            stats.add(new Stat("mi", name, counters.get(name), true));
        }
        return stats;
    }

    private static void evi(EventInterface events, List<Stat> stats) {
        EventTotals totals = events.totals();
        stats.add(new Stat("evi", "events_raised", totals.raised(), true));
        stats.add(new Stat("evi", "subscribers", totals.subscribers(), false));
        stats.add(new Stat("evi", "sent", totals.sent(), true));
        stats.add(new Stat("evi", "delivered", totals.delivered(), true));
        stats.add(new Stat("evi", "failed", totals.failed(), true));
        stats.add(new Stat("evi", "dropped", totals.dropped(), true));
        stats.add(new Stat("evi", "undelivered", totals.undelivered(), true));
        for (EventInfo event : events.events()) {
            stats.add(new Stat("evi", "raised_" + event.name(), event.raised(), true));
        }
    }

    /**
     * The statistics a request names: {@code all}, {@code group:}, {@code group:name} or a bare name; the parameter
     * is an array of such strings (or, for legacy text clients, one string).
     */
    static List<Stat> select(List<Stat> stats, MiValue param) throws MiException {
        List<String> wanted = new ArrayList<>();
        if (param != null && param.kind() == MiValue.Kind.STRING) {
            wanted.add(param.asString());
        } else if (param != null && param.kind() == MiValue.Kind.ARRAY) {
            if (param.elements().isEmpty()) {
                throw MiException.invalidParams("Empty array in parameter '" + PARAM + "'");
            }
            for (MiValue e : param.elements()) {
                if (e.kind() != MiValue.Kind.STRING) {
                    throw MiException.invalidParams("Bad type for array item in parameter '" + PARAM + "'");
                }
                wanted.add(e.asString());
            }
        } else {
            throw MiException.badType(PARAM);
        }
        Map<String, Stat> chosen = new LinkedHashMap<>();
        for (String w : wanted) {
            for (Stat s : stats) {
                if (matches(s, w)) {
                    chosen.putIfAbsent(s.fullName(), s);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new MiException(404, NOT_FOUND);
        }
        return new ArrayList<>(chosen.values());
    }

    private static boolean matches(Stat s, String wanted) {
        if (wanted.equals("all")) {
            return true;
        }
        int colon = wanted.indexOf(':');
        if (colon < 0) {
            return s.name().equals(wanted);
        }
        if (colon == wanted.length() - 1) {
            return s.group().equals(wanted.substring(0, colon));
        }
        return s.fullName().equals(wanted);
    }
}
