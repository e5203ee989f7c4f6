package org.evi4j.mi.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Component;

/** {@code uptime}: now, the JVM's start and the seconds between, dates as C's {@code ctime} writes them. */
@Component(property = {MiCommand.NAME_PROPERTY + "=uptime", MiCommand.NAME_PROPERTY + "=core:uptime"})
public final class UptimeCommand implements MiCommand {

    /** {@code ctime} without its line feed: {@code Mon Nov  3 16:43:26 2026}. */
    static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private final Clock clock;
    private final Instant start;
    /** The start as text: it never changes, so it is formatted once. */
    private final String since;
    /** The reply of the last second asked about: it changes once a second, requests come far more often. */
    private volatile Reply last;

    private record Reply(long second, MiResponse response) {
    }

    public UptimeCommand() {
        this(Clock.systemDefaultZone(), Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    UptimeCommand(Clock clock, Instant start) {
        this.clock = clock;
        this.start = start;
        this.since = format(start);
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of());
    }

    @Override
    public String help() {
        return "prints various time information about evi4j - when it started to run, for how long it runs";
    }

    @Override
    public MiResponse execute(MiParams params) {
        long second = clock.instant().getEpochSecond();
        Reply r = last;
        if (r == null || r.second() != second) {
            r = new Reply(second, MiResponse.of(MiValue.object()
                    .put("Now", format(Instant.ofEpochSecond(second)))
                    .put("Up since", since)
                    .put("Up time", (second - start.getEpochSecond()) + " [sec]")
                    .build()));
            last = r;
        }
        return r.response();
    }

    private String format(Instant instant) {
        return CTIME.format(instant.atZone(clock.getZone()));
    }
}
