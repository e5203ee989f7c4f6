package org.evi4j.transport.udp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class WarnLimiterTest {

    @Test
    void letsOneThroughPerIntervalAndCountsTheRest() {
        WarnLimiter limiter = new WarnLimiter(1, TimeUnit.HOURS);

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(-1);
        assertThat(limiter.tryAcquire()).isEqualTo(-1);
    }

    @Test
    void reportsHowManyWereSuppressedOnceTheIntervalHasPassed() {
        WarnLimiter limiter = new WarnLimiter(0, TimeUnit.NANOSECONDS);

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
    }
}
