package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LogLimiterTest {

    @Test
    void oneLineLetThroughPerIntervalCountingTheSkippedOnes() {
        LogLimiter limiter = new LogLimiter(1, TimeUnit.HOURS);
        assertThat(limiter.permit()).as("the first line goes through").isZero();
        assertThat(limiter.permit()).isEqualTo(-1);
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void afterTheIntervalTheNextLineSaysHowManyWereSkipped() throws InterruptedException {
        LogLimiter limiter = new LogLimiter(1, TimeUnit.MILLISECONDS);
        limiter.permit();
        long skipped = 0;
        long result;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((result = limiter.permit()) < 0 && System.nanoTime() < deadline) {
            skipped++;
        }
        assertThat(result).isEqualTo(skipped);
    }

    @Test
    void aBudgetLetsSeveralLinesThroughPerIntervalThenCountsTheRest() {
        LogLimiter limiter = new LogLimiter(5, 1, TimeUnit.HOURS);
        int passed = 0;
        for (int i = 0; i < 1000; i++) {
            if (limiter.tryAcquire()) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(5);
        assertThat(LogLimiter.suppressedNote(995)).isEqualTo(" (995 similar lines suppressed)");
        assertThat(LogLimiter.suppressedNote(0)).isEmpty();
    }
}
