package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.evi4j.api.EventParam;
import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.evi4j.testkit.FuzzMutator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Issue 7: mutated and random {@code raise_event} params, as the string form (parsed by {@link MiJson}) and as
 * the values it yields (arrays, objects, anything), through {@link RaiseParams} and the real command. Only
 * MiExceptions with SPEC codes may come out, never another exception, and deep nesting must not overflow the stack.
 * A failure names the seed and iteration to replay.
 */
class RaiseParamsFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 100_000);
    private static final List<String> WITH_PARAMS = List.of("event", "params");
    /** What raise_event may answer (SPEC 6.1 and 6.3); the texts go with the codes. */
    private static final Set<String> ERRORS = Set.of("400 Bad Params", "400 No Params", "404 Event not registered",
            "480 Temporarily Unavailable", "-32602 Invalid params");
    /** The reference parser, without Jackson's limits on names and nesting (which MiJson keeps, as the MI does). */
    private static final ObjectMapper JACKSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxNameLength(Integer.MAX_VALUE).maxNestingDepth(100_000).build())
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final FuzzMutator mutator = FuzzMutator.ofStrings(SEED, seeds());
    private final MiJson json = new MiJson();
    private final RaiseParams raiseParams = new RaiseParams(json);
    private final TestEventInterface evi = new TestEventInterface();
    private final RaiseEventCommand command = new RaiseEventCommand(evi);

    RaiseParamsFuzzTest() {
        evi.publish("E_TEST_NAMED");
        evi.subscribe("E_TEST_NAMED", "udp:127.0.0.1:9", 3600);
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(List.of("{\"a\":\"x\",\"n\":5}", "[\"a\",1,\"b c\"]",
                "{\"k\":\"v\",\"t\":true,\"o\":{\"x\":1}}", "notjson", "[]", "{}",
                " {\"s\":\"a\\nb\\u00e9\\ud83d\\udcde\"} ",
                "{\"f\":1.5,\"g\":-1.9,\"big\":99999999999,\"e\":1e400,\"z\":null,\"a\":[1,[2,{\"b\":[]}]]}"));
        return seeds;
    }

    @Test
    void mutatedParamsGiveParamsOrSpecErrorsOnly() {
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutator.string(i);
            MiValue parsed = parseOrNull(text, i);
            check(MiValue.of(text), i);
            if (parsed != null) {
                accepted++;
                check(parsed, i);
            }
            evi.drainDeliveries();
        }
        assertThat(accepted).as("texts that parsed").isGreaterThan(ITERATIONS / 20);
    }

    @Test
    void nestingFarPastTheLimitIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        String deepObject = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);
        for (String text : List.of(deep, deepObject, "{\"p\":" + deep + "}")) {
            assertThatThrownBy(() -> raiseParams.of(MiValue.of(text))).isInstanceOf(MiException.class)
                    .hasMessage("Bad Params");
        }
    }

    @Test
    void theDeepestValueTheDispatcherCanGiveIsSentAsItsJsonText() throws MiException {
        // the dispatcher's Jackson parser stops at 1000 levels (StreamReadConstraints)
        MiValue deep = MiValue.of(1);
        for (int i = 0; i < 999; i++) {
            deep = MiValue.array(List.of(deep));
        }
        List<EventParam> params = raiseParams.of(MiValue.object().put("p", deep).build());

        assertThat(params).containsExactly(EventParam.of("p", "[".repeat(999) + "1" + "]".repeat(999)));
    }

    /** MiJson gives a value or an IOException with a message, and agrees with unbounded Jackson within bounds. */
    private MiValue parseOrNull(String text, long i) {
        MiValue value = null;
        String refusal = null;
        try {
            value = json.parse(text);
        } catch (IOException e) {
            refusal = e.getMessage();
            if (refusal == null || refusal.isEmpty()) {
                fail("refusal without a message; seed " + SEED + ", iteration " + i, e);
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail("MiJson threw " + e + " for " + abbreviate(text) + "; seed " + SEED + ", iteration " + i, e);
        }
        boolean jackson = jacksonAccepts(text);
        if (value != null && !jackson || value == null && jackson && !refusal.contains("exceeds the maximum")) {
            fail("MiJson " + (value != null ? "accepted" : "refused (" + refusal + ")") + " what Jackson "
                    + (jackson ? "accepts" : "refuses") + ": " + abbreviate(text) + "; seed " + SEED
                    + ", iteration " + i);
        }
        return value;
    }

    private static boolean jacksonAccepts(String text) {
        try {
            JACKSON.readTree(text);
            return !text.isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private void check(MiValue params, long i) {
        try {
            List<EventParam> out = raiseParams.of(params);
            assertThat(out).doesNotContainNull();
            MiResponse response = command.execute(TestParams.positional(WITH_PARAMS,
                    List.of(MiValue.of("E_TEST_NAMED"), params)));
            assertThat(response.result()).isEqualTo(MiValue.of("OK"));
        } catch (MiException e) {
            if (!ERRORS.contains(e.code() + " " + e.getMessage())) {
                fail("unexpected MiException " + e.code() + " " + e.getMessage() + " for " + abbreviate(
                        params.toString()) + "; seed " + SEED + ", iteration " + i);
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail("raise_event threw " + e + " for " + abbreviate(params.toString()) + "; seed " + SEED
                    + ", iteration " + i, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }
}
