package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.UnknownEventException;
import org.junit.jupiter.api.Test;

class EventRegistryTest {

    private final Fixture f = new Fixture();

    @Test
    void idsFollowPublishOrderFromZero() {
        assertThat(f.engine.publish("E_A")).isZero();
        assertThat(f.engine.publish("E_B")).isEqualTo(1);
        assertThat(f.engine.publish("E_C")).isEqualTo(2);
        assertThat(f.engine.events()).extracting(EventInfo::name).containsExactly("E_A", "E_B", "E_C");
        assertThat(f.engine.events()).extracting(EventInfo::id).containsExactly(0, 1, 2);
    }

    @Test
    void publishingAgainReturnsTheSameId() {
        f.engine.publish("E_A");
        f.engine.publish("E_B");
        assertThat(f.engine.publish("E_A")).isZero();
        assertThat(f.engine.events()).hasSize(2);
    }

    @Test
    void namesAreCaseSensitive() {
        f.engine.publish("E_A");
        assertThat(f.engine.publish("e_a")).isEqualTo(1);
    }

    @Test
    void nameOf64BytesIsAcceptedAndLongerRefused() {
        assertThat(f.engine.publish("E".repeat(64))).isZero();
        assertThatThrownBy(() -> f.engine.publish("E".repeat(65))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64");
        assertThatThrownBy(() -> f.engine.publish("é".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.engine.publish("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.engine.events()).hasSize(1);
    }

    @Test
    void eventLooksUpByName() {
        f.engine.publish("E_A");
        assertThat(f.engine.event("E_A")).contains(new EventInfo("E_A", 0, 0));
        assertThat(f.engine.event("E_NONE")).isEmpty();
    }

    @Test
    void unpublishedEventsAreRefusedEverywhere() {
        assertThatThrownBy(() -> f.engine.raise(Event.of("E_NONE"))).isInstanceOf(UnknownEventException.class);
        assertThatThrownBy(() -> f.engine.subscribe("E_NONE", "udp:127.0.0.1:1"))
                .isInstanceOf(UnknownEventException.class);
        assertThatThrownBy(() -> f.engine.subscribers("E_NONE")).isInstanceOf(UnknownEventException.class);
        assertThatThrownBy(() -> f.engine.unsubscribe("E_NONE", "udp:127.0.0.1:1"))
                .isInstanceOf(UnknownEventException.class);
        assertThatThrownBy(() -> f.engine.subscriber("E_NONE", "udp:127.0.0.1:1"))
                .isInstanceOf(UnknownEventException.class);
        assertThat(f.engine.hasSubscribers("E_NONE")).isFalse();
    }

    @Test
    void raisedIsCountedPerEventAndReset() {
        f.engine.publish("E_A");
        f.engine.publish("E_B");
        f.engine.raise(Event.of("E_A"));
        f.engine.raise(Event.of("E_A"));
        f.engine.raise(Event.of("E_B"));
        assertThat(f.engine.events()).extracting(EventInfo::raised).containsExactly(2L, 1L);
        f.engine.resetStatistics();
        assertThat(f.engine.events()).extracting(EventInfo::raised).containsExactly(0L, 0L);
    }
}
