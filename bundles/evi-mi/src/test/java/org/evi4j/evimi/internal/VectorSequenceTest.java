package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs, in order and against one state, every case of {@code vectors/mi-jsonrpc.json} and {@code mi-legacy.json}
 * that concerns the EVI commands, and checks the exact replies and the events each listener receives.
 */
class VectorSequenceTest {

    private static final String UDP = "udp:127.0.0.1:9";
    private static final String UNIX = "unix:/tmp/evi4j-vector.sock";
    /** Cases about the legacy request syntax: the dispatcher's job, not the commands'. */
    private static final List<String> LEGACY_PARSER_CASES = List.of("parse-error-quote",
            "parse-error-unterminated-quote");

    @Test
    void jsonRpcSequence() throws Exception {
        JsonNode file = Vectors.load("mi-jsonrpc.json");
        TestEventInterface evi = publish(file);
        VectorDispatcher dispatcher = new VectorDispatcher(evi);
        int ran = 0;
        for (JsonNode c : file.get("cases")) {
            JsonNode request = parse(c.get("request").asText());
            JsonNode params = request.path("params");
            String first = params.isArray() && params.size() > 0 ? params.get(0).asText() : null;
            if (request.isMissingNode() || !dispatcher.handles(request.path("method").asText(), first)) {
                continue;
            }
            String reply = dispatcher.json(substitute(c.get("request").asText()));
            assertReply(c, reply);
            assertDeliveries(c, evi.drainDeliveries());
            ran++;
        }
        assertThat(ran).as("EVI cases run").isGreaterThanOrEqualTo(34);
    }

    @Test
    void legacySequence() {
        JsonNode file = Vectors.load("mi-legacy.json");
        TestEventInterface evi = publish(file);
        VectorDispatcher dispatcher = new VectorDispatcher(evi);
        int ran = 0;
        for (JsonNode c : file.get("cases")) {
            String request = c.get("request").asText();
            int end = request.indexOf(":\n", 1);
            if (end < 0 || LEGACY_PARSER_CASES.contains(c.get("id").asText())) {
                continue;
            }
            String rest = request.substring(end + 2);
            String first = rest.contains("\n") ? rest.substring(0, rest.indexOf('\n')) : rest;
            if (!dispatcher.handles(request.substring(1, end), first)) {
                continue;
            }
            assertReply(c, dispatcher.legacy(substitute(request), "\t"));
            assertThat(evi.drainDeliveries()).isEmpty();
            ran++;
        }
        assertThat(ran).as("EVI cases run").isGreaterThanOrEqualTo(14);
    }

    private static TestEventInterface publish(JsonNode file) {
        TestEventInterface evi = new TestEventInterface();
        evi.publish("E_CORE_THRESHOLD");
        for (JsonNode name : file.get("publish")) {
            evi.publish(name.asText());
        }
        return evi;
    }

    private static void assertReply(JsonNode c, String reply) {
        String id = c.get("id").asText();
        if (c.hasNonNull("reply")) {
            assertThat(reply).as(id).isEqualTo(substitute(c.get("reply").asText()));
        } else {
            String regex = c.get("reply_regex").asText().replace("{udp}", Pattern.quote(UDP))
                    .replace("{unix}", Pattern.quote(UNIX));
            assertThat(reply).as(id).matches(Pattern.compile(regex, Pattern.DOTALL));
        }
    }

    private static void assertDeliveries(JsonNode c, List<TestEventInterface.Delivery> deliveries) {
        Map<String, List<String>> got = new HashMap<>();
        for (TestEventInterface.Delivery d : deliveries) {
            String listener = d.address().equals(UDP) ? "udp" : d.address().equals(UNIX) ? "unix" : d.address();
            got.computeIfAbsent(listener, k -> new ArrayList<>()).add(TestEncoders.encode(d.encoder(), d.event()));
        }
        Map<String, List<String>> expected = new HashMap<>();
        c.path("deliveries").fields().forEachRemaining(e -> {
            List<String> datagrams = new ArrayList<>();
            e.getValue().forEach(d -> datagrams.add(d.asText()));
            expected.put(e.getKey(), datagrams);
        });
        assertThat(got).as(c.get("id").asText() + " deliveries").isEqualTo(expected);
    }

    private static String substitute(String text) {
        return text.replace("{udp}", UDP).replace("{unix}", UNIX);
    }

    private static JsonNode parse(String request) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(request);
        } catch (Exception e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
