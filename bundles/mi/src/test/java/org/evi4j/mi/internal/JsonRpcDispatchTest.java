package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON-RPC requests through the dispatcher: request checks, id and notification rules, recipes, failures. */
class JsonRpcDispatchTest {

    private static final String INVALID = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":";
    private static final String PARSE = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";

    private final Harness h = new Harness();
    private final TestCommand echo = new TestCommand(List.of(List.of("a"), List.of("a", "b")),
            p -> MiResponse.of(MiValue.object().put("recipe", MiValue.strings(p.recipe()))
                    .put("a", p.value("a")).put("b", p.has("b") ? p.value("b") : MiValue.NULL).build()));

    @BeforeEach
    void commands() {
        h.register(new TestCommand(List.of(List.of()), p -> MiResponse.ok()), "ok");
        h.register(echo, "echo", "t:echo");
    }

    private static String result(String result, String id) {
        return "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + id + "}";
    }

    private static String invalidParams(String data, String id) {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\",\"data\":\"" + data
                + "\"},\"id\":" + id + "}";
    }

    @ParameterizedTest(name = "id {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"1|1", "1.7|1", "-3.9|-3", "\"abc\"|\"abc\"", "null|null", "\"\"|\"\"",
        "99999999999|2147483647", "-99999999999|-2147483648", "1e400|2147483647", "\"a\\\"b\"|\"a\\\"b\""})
    void idIsEchoedLastAndNumbersAsInts(String id, String echoed) {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":" + id + "}")).isEqualTo(result("\"OK\"", echoed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "[1]", "true", "false"})
    void idOfAnotherTypeIsInvalidWithNullId(String id) {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":" + id + "}")).isEqualTo(INVALID + "null}");
    }

    @Test
    void notificationsGetNoReplyExceptInvalidRequest() {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\"}")).isNull();
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\"}")).isNull();
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1,2,3]}")).isNull();
        assertThat(h.call("{\"method\":\"ok\"}")).isEqualTo(INVALID + "null}");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"params\":5}")).isEqualTo(INVALID + "null}");
    }

    @Test
    void notificationsStillRunTheCommand() {
        h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"]}");
        assertThat(echo.last.value("a")).isEqualTo(MiValue.of("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "{", "{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":1",
        "{\"jsonrpc\":\"2.0\" \"method\":\"ok\"}", "[1,", "\u0000"})
    void notJsonIsParseErrorWithNullId(String request) {
        assertThat(h.call(request)).isEqualTo(PARSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "5", "\"x\"", "null", "{}", "{\"jsonrpc\":\"2.0\"}",
        "{\"jsonrpc\":2.0,\"method\":\"ok\"}", "{\"jsonrpc\":\"2.0\",\"method\":[\"ok\"]}"})
    void invalidRequestsWithoutUsableIdGetNullId(String request) {
        assertThat(h.call(request)).isEqualTo(INVALID + "null}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"jsonrpc\":\"1.0\",\"method\":\"ok\"", "\"jsonrpc\":\"2.0\",\"method\":5",
        "\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"params\":\"x\"", "\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"params\":1",
        "\"method\":\"ok\""})
    void invalidRequestsEchoTheirId(String members) {
        assertThat(h.call("{" + members + ",\"id\":5}")).isEqualTo(INVALID + "5}");
    }

    @Test
    void memberNamesAreCaseInsensitiveAndTheFirstWins() {
        assertThat(h.call("{\"JsonRpc\":\"2.0\",\"METHOD\":\"ok\",\"Id\":14}")).isEqualTo(result("\"OK\"", "14"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":1,\"ID\":2,\"method\":\"nosuch\"}"))
                .isEqualTo(result("\"OK\"", "1"));
    }

    @Test
    void leadingSpaceAndTrailingBytesAreIgnored() {
        assertThat(h.call(" \n {\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":2} trailing {"))
                .isEqualTo(result("\"OK\"", "2"));
    }

    @Test
    void unknownMembersAreSkippedWhateverTheyHold() {
        assertThat(h.call("{\"x\":{\"y\":[1,{\"z\":null}]},\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":3}"))
                .isEqualTo(result("\"OK\"", "3"));
    }

    @Test
    void unknownMethod() {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":3}")).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"Ok\",\"id\":3}")).contains("-32601");
    }

    @Test
    void positionalParamsPickTheRecipeByCount() {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}"))
                .isEqualTo(result("{\"recipe\":[\"a\"],\"a\":\"x\",\"b\":null}", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"t:echo\",\"params\":[\"x\",{\"k\":[1.5]}],\"id\":1}"))
                .isEqualTo(result("{\"recipe\":[\"a\",\"b\"],\"a\":\"x\",\"b\":{\"k\":[1.500000]}}", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1,2,3],\"id\":1}"))
                .isEqualTo(invalidParams("Too few or too many parameters", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}"))
                .isEqualTo(invalidParams("Too few or too many parameters", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"params\":[1],\"id\":6}"))
                .isEqualTo(invalidParams("Too few or too many parameters", "6"));
    }

    @Test
    void emptyParamsAreNone() {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"params\":[],\"id\":7}")).isEqualTo(result("\"OK\"", "7"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"params\":{},\"id\":7}")).isEqualTo(result("\"OK\"", "7"));
    }

    @Test
    void namedParamsMustMatchOneRecipeExactly() {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"b\":2,\"a\":1},\"id\":1}"))
                .isEqualTo(result("{\"recipe\":[\"a\",\"b\"],\"a\":1,\"b\":2}", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"a\":1,\"c\":2},\"id\":1}"))
                .isEqualTo(invalidParams("Named parameters do not match", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"A\":1},\"id\":1}"))
                .isEqualTo(invalidParams("Named parameters do not match", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"a\":1,\"b\":2,\"c\":3},\"id\":1}"))
                .isEqualTo(invalidParams("Too few or too many parameters", "1"));
    }

    @Test
    void twoRecipesOfOneCountAreAmbiguousForPositionalParams() {
        h.register(new TestCommand(List.of(List.of("x"), List.of("y")), p -> MiResponse.ok()), "amb");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"amb\",\"params\":[1],\"id\":1}"))
                .isEqualTo(invalidParams("Ambiguous call, use named parameters instead", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"amb\",\"params\":{\"y\":1},\"id\":1}"))
                .isEqualTo(result("\"OK\"", "1"));
    }

    @Test
    void commandErrorsKeepTheirCodeMessageAndData() {
        h.register(new TestCommand(List.of(List.of()), p -> {
            throw new MiException(404, "Event not published");
        }), "e404");
        h.register(new TestCommand(List.of(List.of("expire")), p -> MiResponse.of(MiValue.of(p.integer("expire")))),
                "int");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"e404\",\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":404,\"message\":\"Event not published\"},\"id\":1}");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"int\",\"params\":[\"abc\"],\"id\":1}"))
                .isEqualTo(invalidParams("Bad type for parameter 'expire'", "1"));
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"int\",\"params\":[\"77\"],\"id\":1}"))
                .isEqualTo(result("77", "1"));
    }

    @Test
    void aThrowingCommandIsAServerErrorAndTheDispatcherGoesOn() {
        h.register(new TestCommand(List.of(List.of()), p -> {
            throw new IllegalStateException("boom");
        }), "boom");
        h.register(new TestCommand(List.of(List.of()), p -> null), "null");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"boom\",\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Server error\"},\"id\":1}");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"null\",\"id\":1}")).isEqualTo("{\"jsonrpc\":\"2.0\","
                + "\"error\":{\"code\":-32000,\"message\":\"Server error\",\"data\":\"Command handler returned null\"},\"id\":1}");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":2}")).isEqualTo(result("\"OK\"", "2"));
    }

    @Test
    void aReplyTooLargeForTheBufferBecomesAnError() {
        h.register(new TestCommand(List.of(List.of()), p -> MiResponse.of(MiValue.of("x".repeat(70_000)))), "huge");
        String tooLarge = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Server error\","
                + "\"data\":\"Reply too large\"},\"id\":\"big\"}";
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"huge\",\"id\":\"big\"}")).isEqualTo(tooLarge);
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"huge\",\"id\":\"big\"}", 200_000, "\t")).isEqualTo(tooLarge);
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "y".repeat(200)
                + "\"],\"id\":\"big\"}", 150, "\t")).isEqualTo(tooLarge);
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":1}", 10, "\t")).isNull();
    }

    @Test
    void repliesAreWrittenAsCJsonDoes() {
        h.register(new TestCommand(List.of(List.of()), p -> MiResponse.of(MiValue.object()
                .put("s", "q\"\\/\u0001\t é📞").put("n", -7).put("b", MiValue.TRUE).put("z", MiValue.NULL).build())),
                "esc");
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"esc\",\"id\":1}"))
                .isEqualTo(result("{\"s\":\"q\\\"\\\\/\\u0001\\t é📞\",\"n\":-7,\"b\":true,\"z\":null}", "1"));
    }

    @Test
    void requestsFromDirectAndOffsetBuffersAreReadToo() {
        byte[] body = "{\"jsonrpc\":\"2.0\",\"method\":\"ok\",\"id\":9}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(body.length + 3);
        direct.put(new byte[] {'x', 'y', 'z'}).put(body).flip().position(3);
        java.nio.ByteBuffer reply = java.nio.ByteBuffer.allocate(100);
        assertThat(h.dispatcher.dispatch(direct, reply, "\t")).isTrue();
        assertThat(direct.position()).isEqualTo(3);
        assertThat(java.nio.charset.StandardCharsets.UTF_8.decode(reply).toString()).isEqualTo(result("\"OK\"", "9"));
        java.nio.ByteBuffer slice = java.nio.ByteBuffer.wrap(("abc" + new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), 3, body.length).slice();
        reply.clear();
        assertThat(h.dispatcher.dispatch(slice, reply, "\t")).isTrue();
        assertThat(java.nio.charset.StandardCharsets.UTF_8.decode(reply).toString()).isEqualTo(result("\"OK\"", "9"));
    }
}
