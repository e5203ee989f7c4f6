package org.evi4j.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test says so. */
public final class TestClock extends Clock {

    private volatile long millis;

    public TestClock(long startMillis) {
        this.millis = startMillis;
    }

    public void advanceMillis(long delta) {
        millis += delta;
    }

    public void advanceSeconds(long seconds) {
        advanceMillis(seconds * 1000);
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
