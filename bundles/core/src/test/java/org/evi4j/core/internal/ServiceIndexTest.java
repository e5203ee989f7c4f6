package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceIndexTest {

    private final ServiceIndex<String> index = new ServiceIndex<>("k");

    private static Map<String, Object> props(Object key, int ranking, long id) {
        return Map.of("k", key, "service.ranking", ranking, "service.id", id);
    }

    @Test
    void highestRankingWinsThenLowestId() {
        index.add("a", props("udp", 0, 5));
        index.add("b", props("udp", 0, 3));
        assertThat(index.get("udp")).isEqualTo("b");
        index.add("c", props("udp", 7, 9));
        assertThat(index.get("udp")).isEqualTo("c");
        index.remove("c");
        assertThat(index.get("udp")).isEqualTo("b");
        index.remove("b");
        index.remove("a");
        assertThat(index.get("udp")).isNull();
        assertThat(index.contains("a")).isFalse();
    }

    @Test
    void aServiceMayServeSeveralKeysOrNone() {
        index.add("multi", props(new String[] {"x", "y"}, 0, 1));
        index.add("none", Map.of("service.id", 2L));
        assertThat(index.get("x")).isEqualTo("multi");
        assertThat(index.get("y")).isEqualTo("multi");
        assertThat(index.contains("multi")).isTrue();
        assertThat(index.contains("none")).isFalse();
    }
}
