package org.evi4j.transport.virtual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.testkit.TestClock;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * transports-virtual.json "syntax" and "lookups": every subscribe attempt accepted or refused with OpenSIPS's text,
 * listed and found as OpenSIPS lists and finds it, with the real udp and unix transports parsing the members (no
 * tcp transport here: its members wait for one, as OpenSIPS's unchecked members do).
 */
class VirtualSyntaxVectorsTest {

    private static final String PREFIX = "virtual:";
    /** Deliberate difference: a member its own transport refuses is refused at subscribe time (bug 8). */
    private static final String BAD_MEMBER = "virtual:PARALLEL udp:127.0.0.1 bogus:x";

    private final DirectTransports transports = new DirectTransports();
    private final VirtualTransport virtual = new VirtualTransport(transports, RealParts.config(2),
            new TestClock(0));
    /** Subscribers of one event as the core keeps them: newest first, refreshed in place by identity. */
    private final List<Destination> subscribers = new ArrayList<>();

    VirtualSyntaxVectorsTest() {
        transports.with("udp", RealParts.udp()).with("unix", RealParts.unix()).with("virtual", virtual);
    }

    @Test
    void subscribeAttemptsAreAcceptedListedOrRefusedAsOpenSipsDoes() throws Exception {
        JsonNode vectors = Vectors.load("transports-virtual.json");
        for (JsonNode c : vectors.get("syntax")) {
            String socket = c.get("socket").asText();
            String address = socket.substring(PREFIX.length());
            if (socket.equals(BAD_MEMBER)) {
                assertThatThrownBy(() -> virtual.parse(address, DeliveryReport.NONE))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
            } else if (c.get("reply").asText().contains("\"result\":\"OK\"")) {
                subscribe(virtual.parse(address, DeliveryReport.NONE));
            } else {
                String log = c.get("server_log").get(0).asText();
                String expected = log.substring(log.indexOf("virtual_parse: ") + "virtual_parse: ".length());
                assertThatThrownBy(() -> virtual.parse(address, DeliveryReport.NONE)).as(socket)
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
            }
        }
        assertThat(listed()).containsExactlyElementsOf(listing(vectors.get("lookups").get(0), "Subscribers"));
        for (int i = 1; i < vectors.get("lookups").size(); i++) {
            JsonNode lookup = vectors.get("lookups").get(i);
            String asked = new ObjectMapper().readTree(lookup.get("request").asText()).get("params").get(1).asText();
            assertThat(find(asked)).as(asked).isEqualTo(listing(lookup, "Subscriber").get(0));
        }
    }

    @Test
    void policiesAreCaseSensitiveAndTheTextMustNotBeEmpty() {
        assertThatThrownBy(() -> virtual.parse("", DeliveryReport.NONE)).hasMessage("no socket specified");
        assertThatThrownBy(() -> virtual.parse("  \t", DeliveryReport.NONE))
                .hasMessage("invalid virtual socket type");
        assertThatThrownBy(() -> virtual.parse("Failover udp:127.0.0.1:1", DeliveryReport.NONE))
                .hasMessage("invalid virtual socket type");
        assertThat(virtual.parse("ROUND-ROBIN\t/tmp/a.sock", DeliveryReport.NONE).shownAddress())
                .isEqualTo("ROUND-ROBIN unix:/tmp/a.sock");
    }

    @Test
    void aRefusedMemberLeavesNoRouteOpen() {
        assertThatThrownBy(() -> virtual.parse("PARALLEL udp:127.0.0.1:9 /tmp/x.sock udp:10.9.9.9",
                DeliveryReport.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(transports.open).hasValue(0);
    }

    @Test
    void releaseClosesEveryMembersRoute() {
        Destination d = virtual.parse("FAILOVER udp:127.0.0.1:9 unix:/tmp/x.sock tcp:127.0.0.1:1",
                DeliveryReport.NONE);
        assertThat(transports.open).hasValue(3);
        virtual.release(d);
        assertThat(transports.open).hasValue(0);
    }

    private void subscribe(Destination d) {
        for (Destination s : subscribers) {
            if (s.identity().equals(d.identity())) {
                return;
            }
        }
        subscribers.add(0, d);
    }

    private String find(String socket) {
        Destination d = virtual.parse(socket.substring(PREFIX.length()), DeliveryReport.NONE);
        for (Destination s : subscribers) {
            if (s.identity().equals(d.identity())) {
                return PREFIX + s.shownAddress();
            }
        }
        return null;
    }

    private List<String> listed() {
        return subscribers.stream().map(d -> PREFIX + d.shownAddress()).toList();
    }

    private static List<String> listing(JsonNode lookup, String field) throws Exception {
        JsonNode reply = new ObjectMapper().readTree(lookup.get("reply").asText());
        JsonNode found = reply.get("result").get("Event").get(field);
        List<String> sockets = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(s -> sockets.add(s.get("socket").asText()));
        } else {
            sockets.add(found.get("socket").asText());
        }
        sockets.removeIf(s -> s.equals(BAD_MEMBER));
        return sockets;
    }
}
