package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cases of {@code vectors/mi-jsonrpc.json} and {@code vectors/mi-legacy.json} that the dispatcher and the core
 * commands answer alone, in-process. {@code event_subscribe} is a stand-in with the real recipes: the cases that
 * use it here fail in the dispatcher before any EVI logic, or check the arguments the parser hands over.
 */
class VectorsTest {

    private static final String UDP = "udp:127.0.0.1:9";
    private static final String UNIX = "unix:/tmp/evi4j-mi.sock";

    private static final Set<String> JSON_CASES = Set.of("version", "id-float-echoed-as-int", "id-null-is-answered",
            "id-string", "member-names-case-insensitive", "leading-space-trailing-garbage", "method-not-found",
            "notification-unknown-method-silent", "notification-silent", "not-json", "empty-datagram",
            "top-level-array", "no-jsonrpc-member", "wrong-jsonrpc-version", "method-not-string",
            "params-not-structured", "id-bad-type", "too-many-params", "empty-params-is-none", "subscribe-too-few",
            "subscribe-names-mismatch", "which-recipes", "help", "core-name-4x");

    private static final Set<String> LEGACY_CASES = Set.of("version", "unknown-command", "first-line-no-newline",
            "first-line-unterminated", "first-line-extra-text", "subscribe-too-few", "parse-error-quote",
            "parse-error-unterminated-quote", "which", "help", "no-input-command-ignores-args",
            "subscribe-udp", "subscribe-unix-expire", "subscribe-quoted-arg", "subscribe-trim-blank-lines-no-final-lf",
            "subscribe-names-ignored");

    /** The arguments the stand-in must receive in the legacy cases it answers. */
    private static final List<List<String>> LEGACY_ARGS = List.of(
            List.of("subscribe-udp", "E_TEST_NAMED", UDP),
            List.of("subscribe-unix-expire", "E_TEST_NONAME", UNIX, "120"),
            List.of("subscribe-quoted-arg", "E_TEST_NOPARAM", UDP, "10"),
            List.of("subscribe-trim-blank-lines-no-final-lf", "E_TEST_NOPARAM", UDP, "60"),
            List.of("subscribe-names-ignored", "E_TEST_NAMED", UDP));

    static Stream<Arguments> jsonCases() {
        return cases("mi-jsonrpc.json", JSON_CASES);
    }

    static Stream<Arguments> legacyCases() {
        return cases("mi-legacy.json", LEGACY_CASES);
    }

    private static Stream<Arguments> cases(String file, Set<String> wanted) {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : Vectors.load(file).get("cases")) {
            if (wanted.contains(c.get("id").asText())) {
                cases.add(Arguments.of(c.get("id").asText(), c));
            }
        }
        assertThat(cases).hasSize(wanted.size());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCases")
    void jsonRpc(String id, JsonNode c) {
        check(c, harness().call(fill(c.get("request").asText())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyCases")
    void legacy(String id, JsonNode c) {
        Harness h = Harness.withCoreCommands();
        TestCommand subscribe = subscribeStandIn();
        h.register(subscribe, "event_subscribe", "evi:subscribe");
        check(c, h.call(fill(c.get("request").asText())));
        for (List<String> expected : LEGACY_ARGS) {
            if (expected.get(0).equals(id)) {
                List<String> got = new ArrayList<>();
                for (String name : subscribe.last.recipe()) {
                    got.add(subscribe.last.value(name).asString());
                }
                assertThat(got).isEqualTo(expected.subList(1, expected.size()));
            }
        }
    }

    private static Harness harness() {
        Harness h = Harness.withCoreCommands();
        h.register(subscribeStandIn(), "event_subscribe", "evi:subscribe");
        return h;
    }

    private static TestCommand subscribeStandIn() {
        return new TestCommand(List.of(List.of("event", "socket"), List.of("event", "socket", "expire")), p -> {
            p.string("event");
            p.string("socket");
            return MiResponse.of(MiValue.of("OK"));
        });
    }

    private static void check(JsonNode c, String reply) {
        if (c.has("reply_regex")) {
            String regex = c.get("reply_regex").asText().replace("{udp}", Pattern.quote(UDP))
                    .replace("{unix}", Pattern.quote(UNIX));
            assertThat(reply).isNotNull();
            assertThat(Pattern.compile(regex).matcher(reply).matches()).as("%s matches %s", reply, regex).isTrue();
        } else if (c.get("reply").isNull()) {
            assertThat(reply).isNull();
        } else {
            assertThat(reply).isEqualTo(c.get("reply").asText());
        }
    }

    private static String fill(String text) {
        return text.replace("{udp}", UDP).replace("{unix}", UNIX);
    }
}
