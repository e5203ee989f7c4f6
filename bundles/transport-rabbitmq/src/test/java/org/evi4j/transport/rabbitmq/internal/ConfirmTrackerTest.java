package org.evi4j.transport.rabbitmq.internal;

import org.evi4j.testkit.RecordingReport;
import static org.assertj.core.api.Assertions.assertThat;

import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.Test;

class ConfirmTrackerTest {

    private final LinkCounters counters = new LinkCounters();
    private final ConfirmTracker tracker = new ConfirmTracker(counters);
    private final RecordingReport reportA = new RecordingReport();
    private final RecordingReport reportB = new RecordingReport();
    private final RabbitDestination a = RabbitAddressParser.parse("127.0.0.1/a", reportA, TestSettings.RESOLVER);
    private final RabbitDestination b = RabbitAddressParser.parse("127.0.0.1/b", reportB, TestSettings.RESOLVER);

    @Test
    void aMultipleAckSettlesEverythingUpToItsSequenceNumberPerDestination() {
        for (long seq = 1; seq <= 5; seq++) {
            tracker.expect(seq, seq % 2 == 0 ? b : a);
        }

        tracker.acked(4, true);

        assertThat(reportA.delivered).hasValue(2);
        assertThat(reportB.delivered).hasValue(2);
        assertThat(tracker.pending()).isEqualTo(1);
        tracker.acked(5, false);
        assertThat(reportA.delivered).hasValue(3);
        assertThat(counters.snapshot("x", 0).confirmed()).isEqualTo(5);
    }

    @Test
    void nacksAndLostChannelsCountFailuresWithTheirReason() {
        tracker.expect(1, a);
        tracker.expect(2, a);
        tracker.expect(3, b);

        tracker.nacked(1, false);
        tracker.lost("channel closed");

        assertThat(reportA.failures).containsExactly("nacked by the broker", "channel closed");
        assertThat(reportA.failed).hasValue(2);
        assertThat(reportB.failures).containsExactly("channel closed");
        RabbitConnectionStats stats = counters.snapshot("x", 0);
        assertThat(stats.nacked()).isEqualTo(1);
        assertThat(stats.failed()).isEqualTo(2);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void eachEventIsSettledOnceWhoeverComesFirst() {
        tracker.expect(1, a);
        tracker.expect(2, a);

        assertThat(tracker.withdraw(1)).isTrue();
        tracker.lost("gone");
        assertThat(tracker.withdraw(2)).isFalse();
        tracker.acked(2, true);

        assertThat(reportA.failed).hasValue(1);
        assertThat(reportA.delivered).hasValue(0);
    }
}
