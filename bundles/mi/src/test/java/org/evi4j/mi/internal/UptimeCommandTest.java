package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

class UptimeCommandTest {

    /** A clock the test moves. */
    private static final class SteppingClock extends Clock {
        Instant now = Harness.START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theReplyFollowsTheClockSecondBySecond() {
        SteppingClock clock = new SteppingClock();
        UptimeCommand uptime = new UptimeCommand(clock, Harness.START.minusSeconds(10));
        assertThat(fields(uptime.execute(null).result())).containsExactly("Mon Nov 23 16:43:20 2026",
                "Mon Nov 23 16:43:10 2026", "10 [sec]");
        clock.now = clock.now.plusMillis(999);
        assertThat(fields(uptime.execute(null).result())).containsExactly("Mon Nov 23 16:43:20 2026",
                "Mon Nov 23 16:43:10 2026", "10 [sec]");
        clock.now = clock.now.plusMillis(1);
        assertThat(fields(uptime.execute(null).result())).containsExactly("Mon Nov 23 16:43:21 2026",
                "Mon Nov 23 16:43:10 2026", "11 [sec]");
    }

    private static String[] fields(MiValue object) {
        return object.members().stream().map(m -> m.getValue().asString()).toArray(String[]::new);
    }
}
