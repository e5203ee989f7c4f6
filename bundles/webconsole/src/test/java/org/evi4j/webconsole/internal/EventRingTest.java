package org.evi4j.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.api.Event;
import org.junit.jupiter.api.Test;

class EventRingTest {

    private static Event event(int n) {
        return Event.builder("E_X").param("n", n).build();
    }

    private static List<Integer> ns(EventRing.Batch batch) {
        return batch.events().stream().map(r -> r.event().params().get(0).intValue()).toList();
    }

    @Test
    void aReaderGetsWhatWasRaisedSinceItsCursorInOrder() {
        EventRing ring = new EventRing(8);
        ring.add(event(1), 10);
        ring.add(event(2), 11);
        EventRing.Batch first = ring.since(0, 100);
        assertThat(ns(first)).containsExactly(1, 2);
        assertThat(first.skipped()).isZero();
        ring.add(event(3), 12);
        EventRing.Batch second = ring.since(first.next(), 100);
        assertThat(ns(second)).containsExactly(3);
        assertThat(second.events().get(0).millis()).isEqualTo(12);
        assertThat(ring.since(second.next(), 100).events()).isEmpty();
    }

    @Test
    void moreThanTheBatchGivesTheNewestAndCountsTheRestAsSkipped() {
        EventRing ring = new EventRing(64);
        for (int n = 1; n <= 10; n++) {
            ring.add(event(n), n);
        }
        EventRing.Batch batch = ring.since(0, 3);
        assertThat(ns(batch)).containsExactly(8, 9, 10);
        assertThat(batch.skipped()).isEqualTo(7);
        assertThat(batch.next()).isEqualTo(10);
    }

    @Test
    void theRingNeverHoldsMoreThanItsCapacity() {
        EventRing ring = new EventRing(5); // rounded up to 8
        for (int n = 1; n <= 1000; n++) {
            ring.add(event(n), n);
        }
        EventRing.Batch batch = ring.since(0, 1000);
        assertThat(ns(batch)).containsExactly(993, 994, 995, 996, 997, 998, 999, 1000);
        assertThat(batch.skipped()).isEqualTo(992);
    }

    @Test
    void aNewReaderStartsAtTheHead() {
        EventRing ring = new EventRing(8);
        ring.add(event(1), 1);
        assertThat(ring.since(ring.head(), 10).events()).isEmpty();
    }
}
