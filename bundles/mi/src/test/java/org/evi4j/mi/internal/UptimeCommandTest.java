package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.evi4j.mi.MiValue;
import org.evi4j.testkit.TestClock;
import org.junit.jupiter.api.Test;

class UptimeCommandTest {

    @Test
    void theReplyFollowsTheClockSecondBySecond() {
        TestClock clock = new TestClock(Harness.START.toEpochMilli());
        UptimeCommand uptime = new UptimeCommand(clock, Harness.START.minusSeconds(10));
        assertThat(fields(uptime.execute(null).result())).containsExactly("Mon Nov 23 16:43:20 2026",
                "Mon Nov 23 16:43:10 2026", "10 [sec]");
        clock.advanceMillis(999);
        assertThat(fields(uptime.execute(null).result())).containsExactly("Mon Nov 23 16:43:20 2026",
                "Mon Nov 23 16:43:10 2026", "10 [sec]");
        clock.advanceMillis(1);
        assertThat(fields(uptime.execute(null).result())).containsExactly("Mon Nov 23 16:43:21 2026",
                "Mon Nov 23 16:43:10 2026", "11 [sec]");
    }

    private static String[] fields(MiValue object) {
        return object.members().stream().map(m -> m.getValue().asString()).toArray(String[]::new);
    }
}
