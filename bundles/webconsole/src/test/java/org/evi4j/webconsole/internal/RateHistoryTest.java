package org.evi4j.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.evi4j.api.EventInfo;
import org.junit.jupiter.api.Test;

class RateHistoryTest {

    @Test
    void eachSecondHoldsTheRaisesSinceThePreviousSample() {
        RateHistory rates = new RateHistory(60);
        assertThat(rates.sample(100, List.of(new EventInfo("E_A", 0, 5))).raised()).isEmpty(); // baseline
        RateHistory.Second second = rates.sample(101, List.of(new EventInfo("E_A", 0, 12), new EventInfo("E_B", 1, 0)));
        assertThat(second.raised()).isEqualTo(Map.of("E_A", 7L));
        assertThat(rates.sample(102, List.of(new EventInfo("E_A", 0, 12), new EventInfo("E_B", 1, 3))).raised())
                .isEqualTo(Map.of("E_B", 3L));
    }

    @Test
    void aResetCounterCountsWhatItHoldsNow() {
        RateHistory rates = new RateHistory(60);
        rates.sample(1, List.of(new EventInfo("E_A", 0, 500)));
        assertThat(rates.sample(2, List.of(new EventInfo("E_A", 0, 4))).raised()).isEqualTo(Map.of("E_A", 4L));
    }

    @Test
    void keepsOnlyTheLastSeconds() {
        RateHistory rates = new RateHistory(3);
        for (long t = 1; t <= 10; t++) {
            rates.sample(t, List.of(new EventInfo("E_A", 0, t)));
        }
        assertThat(rates.all()).extracting(RateHistory.Second::epochSecond).containsExactly(8L, 9L, 10L);
    }
}
