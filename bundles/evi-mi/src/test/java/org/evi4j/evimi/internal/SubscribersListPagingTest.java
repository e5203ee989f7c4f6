package org.evi4j.evimi.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evi4j.evimi.internal.TestJson.json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue #17: 1 000 subscribers with long sockets never make subscribers_list a "Reply too large" error. */
class SubscribersListPagingTest {

    private static final int SUBSCRIBERS = 1000;
    private final TestEventInterface evi = new TestEventInterface();
    private final SubscribersListCommand command = new SubscribersListCommand(evi);

    @BeforeEach
    void fill() {
        evi.publish("E_FULL");
        evi.publish("E_SMALL");
        for (int i = 0; i < SUBSCRIBERS; i++) {
            evi.subscribe("E_FULL", String.format("unix:/run/listeners/%04d-%s.sock", i, "p".repeat(80)), 3600);
        }
        evi.subscribe("E_SMALL", "udp:127.0.0.1:9", 3600);
    }

    private static int legacyBytes(MiResponse response) {
        StringBuilder text = new StringBuilder("200 OK\n");
        for (MiNode node : response.legacy()) {
            text.append(node.name()).append(":: ").append(node.value());
            node.attributes().forEach(a -> text.append(' ').append(a.getKey()).append('=').append(a.getValue()));
            text.append('\n');
            for (MiNode child : node.children()) {
                text.append("\t").append(child.name()).append("::");
                child.attributes().forEach(a -> text.append(' ').append(a.getKey()).append('=').append(a.getValue()));
                text.append('\n');
            }
        }
        return text.toString().getBytes(UTF_8).length;
    }

    @Test
    void oneEventListsWhatFitsAndSaysHowManyAreLeftAndHowToPage() throws MiException {
        MiResponse first = command.execute(TestParams.of(List.of("event"), "E_FULL"));
        String json = json(first.result());
        assertThat(json.getBytes(UTF_8).length).isLessThan(EventInterface.MAX_DATAGRAM - 1000);
        assertThat(legacyBytes(first)).isLessThan(EventInterface.MAX_DATAGRAM - 1000);
        int listed = first.result().get("Event").get("Subscribers").elements().size();
        assertThat(listed).isBetween(100, SUBSCRIBERS - 1);
        assertThat(first.result().get("Omitted").asLong()).isEqualTo(SUBSCRIBERS - listed);
        assertThat(first.result().get("Next").asString()).contains("\"offset\":" + listed);
        assertThat(first.legacy()).last().extracting(MiNode::name).isEqualTo("Omitted");

        Set<String> seen = new LinkedHashSet<>();
        int offset = 0;
        for (int pages = 0; offset < SUBSCRIBERS && pages < 20; pages++) {
            MiValue page = command.execute(TestParams.of(List.of("event", "offset", "limit"), "E_FULL", offset,
                    10_000)).result();
            assertThat(json(page).getBytes(UTF_8).length).isLessThan(EventInterface.MAX_DATAGRAM - 1000);
            MiValue subs = page.get("Event").get("Subscribers");
            for (MiValue sub : subs.elements()) {
                seen.add(sub.get("socket").asString());
            }
            offset += subs.elements().size();
        }
        assertThat(seen).hasSize(SUBSCRIBERS);
    }

    @Test
    void allEventsListWhatFitsAndAPageOfTwoIsExact() throws MiException {
        MiValue all = command.execute(TestParams.of(List.of())).result();
        assertThat(json(all).getBytes(UTF_8).length).isLessThan(EventInterface.MAX_DATAGRAM - 1000);
        assertThat(all.get("Omitted").asLong()).isPositive();
        MiValue two = command.execute(TestParams.of(List.of("event", "offset", "limit"), "E_FULL", 998, 2)).result();
        List<String> sockets = new ArrayList<>();
        MiValue subs = two.get("Event").get("Subscribers");
        for (MiValue sub : subs.elements()) {
            sockets.add(sub.get("socket").asString());
        }
        assertThat(sockets).hasSize(2);
        assertThat(two.get("Omitted")).as("nothing left out of the page asked for").isNull();
    }

    @Test
    void smallListingsAreUnchanged() throws MiException {
        assertThat(json(command.execute(TestParams.of(List.of("event"), "E_SMALL")).result()))
                .isEqualTo("{\"Event\":{\"name\":\"E_SMALL\",\"id\":1,\"Subscribers\":["
                        + "{\"socket\":\"udp:127.0.0.1:9\",\"expire\":3600,\"ttl\":3600}]}}");
    }
}
