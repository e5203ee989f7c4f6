package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** vectors/sockets.json: canonical listings, same-subscriber cases, and the refusals that are the core's. */
class SocketVectorsTest {

    /**
     * Invalid cases the core refuses itself; the others are address syntax, the transport's to refuse (an unknown
     * option too: only trailing {@code ;encoder=NAME} is the core's, any other {@code ;} belongs to the address).
     */
    private static final Set<String> CORE_REFUSALS = Set.of("empty", "no transport serves this scheme",
            "no scheme and not an absolute path", "no such encoder");

    @Test
    void validSocketsAreListedCanonicallyAndSameAsCasesRefresh() {
        Fixture f = new Fixture();
        f.engine.publish("E_V");
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonNode c : Vectors.load("sockets.json").get("valid")) {
            f.engine.subscribe("E_V", c.get("socket").asText());
            String canonical = c.get("canonical").asText();
            expected.put(canonical.replaceAll(";encoder=.*$", ""), canonical);
            if (c.has("same_as")) {
                assertThat(f.engine.subscriber("E_V", c.get("same_as").asText())).get()
                        .extracting(SubscriberInfo::socket).isEqualTo(canonical);
            }
        }
        assertThat(f.engine.subscribers("E_V")).extracting(SubscriberInfo::socket)
                .containsExactlyInAnyOrderElementsOf(expected.values());
    }

    @Test
    void invalidSocketsTheCoreOwnsAreRefusedAndChangeNothing() {
        Fixture f = new Fixture();
        f.engine.publish("E_V");
        int checked = 0;
        for (JsonNode c : Vectors.load("sockets.json").get("invalid")) {
            if (CORE_REFUSALS.contains(c.get("why").asText())) {
                assertThatThrownBy(() -> f.engine.subscribe("E_V", c.get("socket").asText()))
                        .as(c.toString()).isInstanceOf(InvalidSubscriptionException.class);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(CORE_REFUSALS.size());
        assertThat(f.engine.subscribers("E_V")).isEmpty();
    }
}
