package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Test;

class MiShellCommandTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();
    private final FakeMiDispatcher dispatcher = new FakeMiDispatcher(evi);
    private final Output out = new Output();

    private void run(boolean named, String command, String... args) {
        MiShellCommand mi = new MiShellCommand();
        mi.dispatcher = dispatcher;
        mi.named = named;
        mi.command = command;
        mi.args = args.length == 0 ? null : List.of(args);
        mi.print(out.stream);
    }

    @Test
    void positionalArgsAreSentAsStringsAndAStringResultIsPrintedBare() {
        evi.publish("E_A");

        run(false, "event_subscribe", "E_A", "udp:127.0.0.1:8081", "60");

        assertThat(dispatcher.lastRequest).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\","
                + "\"params\":[\"E_A\",\"udp:127.0.0.1:8081\",\"60\"],\"id\":1}");
        assertThat(out.text()).isEqualTo("OK\n");
        assertThat(evi.subscribers("E_A")).singleElement().satisfies(s -> assertThat(s.expire()).isEqualTo(60));
    }

    @Test
    void namedArgsAreSentAsAnObject() {
        evi.publish("E_A");

        run(true, "event_subscribe", "event=E_A", "socket=unix:/tmp/a=b.sock");

        assertThat(dispatcher.lastRequest).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\","
                + "\"params\":{\"event\":\"E_A\",\"socket\":\"unix:/tmp/a=b.sock\"},\"id\":1}");
        assertThat(evi.subscribers("E_A")).hasSize(1);
    }

    @Test
    void noArgsSendNoParamsAndAStructuredResultIsIndented() {
        evi.publish("E_A");
        evi.publish("E_B");

        run(false, "events_list");

        assertThat(dispatcher.lastRequest).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"events_list\",\"id\":1}");
        assertThat(out.text().lines().map(String::strip).toList()).containsExactly("{", "\"Events\" : [",
                "{", "\"name\" : \"E_A\",", "\"id\" : 0", "},", "{", "\"name\" : \"E_B\",", "\"id\" : 1", "}", "]",
                "}");
    }

    @Test
    void errorReplyFailsTheCommandWithCodeMessageAndData() {
        assertThatThrownBy(() -> run(false, "event_subscribe", "E_NONE", "udp:127.0.0.1:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("error 404: Event not published");
        assertThatThrownBy(() -> run(false, "event_subscribe", "E_NONE"))
                .hasMessage("error -32602: Invalid params (Too few or too many parameters)");
        assertThatThrownBy(() -> run(false, "nope")).hasMessage("error -32601: Method not found");
        assertThat(out.text()).isEmpty();
    }

    @Test
    void namedArgWithoutEqualsIsRefusedBeforeSending() {
        assertThatThrownBy(() -> run(true, "event_subscribe", "E_A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=value");
        assertThat(dispatcher.lastRequest).isNull();
    }

    @Test
    void garbageReplyIsReportedNotThrownRaw() {
        MiDispatcher garbage = (request, reply, indent) -> {
            reply.clear();
            reply.put("not json".getBytes(StandardCharsets.UTF_8)).flip();
            return true;
        };
        assertThatThrownBy(() -> MiCall.call(garbage, "version", List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a JSON-RPC reply")
                .hasMessageEndingWith("not json");
    }

    @Test
    void commandNamesComeFromWhich() {
        assertThat(MiCall.commands(dispatcher)).containsExactly("which", "events_list", "event_subscribe");
    }
}
