package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LogLimiterTest {

    @Test
    void letsOneLineThroughPerInterval() {
        LogLimiter limiter = new LogLimiter(1, TimeUnit.HOURS);
        assertThat(limiter.permit()).isZero();
        assertThat(limiter.permit()).isEqualTo(-1);
        assertThat(limiter.permit()).isEqualTo(-1);
    }

    @Test
    void reportsHowManyLinesItSkipped() {
        LogLimiter limiter = new LogLimiter(50, TimeUnit.MILLISECONDS);
        assertThat(limiter.permit()).isZero();
        assertThat(limiter.permit()).isEqualTo(-1);
        assertThat(limiter.permit()).isEqualTo(-1);
        AtomicLong next = new AtomicLong(-1);
        await().until(() -> {
            next.set(limiter.permit());
            return next.get() >= 0;
        });
        assertThat(next.get()).isGreaterThanOrEqualTo(2);
    }
}
