package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Legacy text requests through the dispatcher: first line, arguments onto recipes, fixed errors. */
class LegacyDispatchTest {

    private final Harness h = new Harness();
    private final TestCommand subscribe = new TestCommand(
            List.of(List.of("event", "socket"), List.of("event", "socket", "expire")), p -> {
                p.string("event");
                p.string("socket");
                return MiResponse.ok();
            });
    private final TestCommand noInput = new TestCommand(List.of(List.of()),
            p -> MiResponse.of(MiValue.object().put("Server", "x").build()));

    @BeforeEach
    void commands() {
        h.register(subscribe, "event_subscribe", "evi:subscribe");
        h.register(noInput, "version");
    }

    @ParameterizedTest
    @ValueSource(strings = {":nosuch:\n", ":version:", ":version", ":version:reply_fifo\n", ":version:\r\n",
        ":Version:\n", "::\n", ":", ": version:\n",
        ":evi:subscribe:\nE\nudp:127.0.0.1:1\n"})
    void badFirstLinesAndUnknownCommandsAreNotAvailable(String request) {
        assertThat(h.call(request)).isEqualTo("500 command not available\n");
    }

    @Test
    void argumentsMapOntoTheRecipeOfTheirCount() {
        assertThat(h.call(":event_subscribe:\nE\nudp:127.0.0.1:1\n")).isEqualTo("200 OK\n\n");
        assertThat(subscribe.last.recipe()).containsExactly("event", "socket");
        assertThat(h.call(":event_subscribe:\n\"E\"\n  udp:127.0.0.1:1  \n\n\n60")).isEqualTo("200 OK\n\n");
        assertThat(subscribe.last.value("expire")).isEqualTo(MiValue.of("60"));
        assertThat(subscribe.last.value("socket")).isEqualTo(MiValue.of("udp:127.0.0.1:1"));
    }

    @Test
    void wrongCountIsTooFewOrTooMany() {
        assertThat(h.call(":event_subscribe:\nE\n")).isEqualTo("400 Too few or too many arguments\n\n");
        assertThat(h.call(":event_subscribe:\n")).isEqualTo("400 Too few or too many arguments\n\n");
        assertThat(h.call(":event_subscribe:\na\nb\nc\nd\n")).isEqualTo("400 Too few or too many arguments\n\n");
    }

    @Test
    void commandErrorsUseTheLegacyCodeAndReason() {
        assertThat(h.call(":event_subscribe:\nE\nname::\n")).isEqualTo("400 Bad parameter\n\n");
        h.register(new TestCommand(List.of(List.of("event")), p -> {
            throw new MiException(404, "Event not published");
        }), "list");
        assertThat(h.call(":list:\nE_NOPE\n")).isEqualTo("404 Event not published\n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {":event_subscribe:\nE_TEST_NO\"PARAM\nudp:1\n", ":event_subscribe:\n\"E_TEST\nudp:1\n",
        ":event_subscribe:\n\"\"\nudp:1\n"})
    void parseErrors(String request) {
        assertThat(h.call(request)).isEqualTo("400 parse_error\n");
    }

    @Test
    void commandsWithoutParametersIgnoreAnythingAfterTheFirstLine() {
        assertThat(h.call(":version:\ngarbage \" here\n")).isEqualTo("200 OK\nServer:: x\n\n");
    }

    @Test
    void failingCommandsGetTheFixedReplies() {
        h.register(new TestCommand(List.of(List.of()), p -> {
            throw new IllegalStateException("boom");
        }), "boom");
        h.register(new TestCommand(List.of(List.of()), p -> null), "null");
        h.register(new TestCommand(List.of(List.of()), p -> MiResponse.of(MiValue.of("x"), () -> {
            throw new IllegalStateException("no tree");
        })), "notree");
        assertThat(h.call(":boom:\n")).isEqualTo("500 command failed\n");
        assertThat(h.call(":null:\n")).isEqualTo("500 command failed\n");
        assertThat(h.call(":notree:\n")).isEqualTo("500 Internal server error\n");
    }

    @Test
    void replyTooLarge() {
        h.register(new TestCommand(List.of(List.of()),
                p -> MiResponse.of(MiValue.of("x"), () -> List.of(MiNode.value("y".repeat(70_000))))), "huge");
        assertThat(h.call(":huge:\n")).isEqualTo("500 reply too large\n");
        assertThat(h.call(":huge:\n", 20, "\t")).isEqualTo("500 reply too large\n");
        assertThat(h.call(":huge:\n", 19, "\t")).isNull();
        assertThat(h.call(":version:\n", 19, "\t")).isEqualTo("200 OK\nServer:: x\n\n");
    }

    @Test
    void theIndentComesFromTheCall() {
        h.register(new TestCommand(List.of(List.of()), p -> MiResponse.of(MiValue.object()
                .put("a", MiValue.object().put("b", "c").build()).build())), "tree");
        assertThat(h.call(":tree:\n", 1000, "  ")).isEqualTo("200 OK\na:: \n  b:: c\n\n");
        assertThat(h.call(":tree:\n", 1000, null)).isEqualTo("200 OK\na:: \n\tb:: c\n\n");
    }
}
