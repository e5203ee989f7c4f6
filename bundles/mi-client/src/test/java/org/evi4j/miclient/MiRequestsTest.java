package org.evi4j.miclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MiRequestsTest {

    /** As the command-line client asks: named when every argument is key=value, unless told positional. */
    private static String jsonRpc(String command, List<String> args, boolean positional) {
        boolean named = !positional && MiRequests.allNamed(args);
        return new String(MiRequests.jsonRpc(command, args, named, 7), StandardCharsets.UTF_8);
    }

    private static String legacy(String command, String... args) {
        return new String(MiRequests.legacy(command, List.of(args)), StandardCharsets.UTF_8);
    }

    @Test
    void jsonRpcWithoutArgumentsHasNoParams() {
        assertThat(jsonRpc("version", List.of(), false)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":7}");
    }

    @Test
    void jsonRpcArgumentsArePositionalStrings() {
        assertThat(jsonRpc("event_subscribe", List.of("E_DEMO", "udp:127.0.0.1:9000", "60"), false)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\","
                        + "\"params\":[\"E_DEMO\",\"udp:127.0.0.1:9000\",\"60\"],\"id\":7}");
    }

    @Test
    void keyValueArgumentsBecomeNamedParamsSplitAtTheFirstEquals() {
        assertThat(jsonRpc("raise_event", List.of("event=E_DEMO", "params={\"a\":\"x=y\"}"), false)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"method\":\"raise_event\","
                        + "\"params\":{\"event\":\"E_DEMO\",\"params\":\"{\\\"a\\\":\\\"x=y\\\"}\"},\"id\":7}");
    }

    @Test
    void mixedOrForcedPositionalArgumentsStayPositional() {
        assertThat(jsonRpc("raise_event", List.of("E_DEMO", "a=1"), false)).contains("\"params\":[\"E_DEMO\",\"a=1\"]");
        assertThat(jsonRpc("raise_event", List.of("a=1"), true)).contains("\"params\":[\"a=1\"]");
    }

    @Test
    void namedArgumentsWithoutANameAreRefused() {
        assertThatThrownBy(() -> MiRequests.jsonRpc("event_subscribe", List.of("E_A"), true, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=value");
        assertThatThrownBy(() -> MiRequests.jsonRpc("event_subscribe", List.of("=E_A"), true, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonRpcStringsAreEscaped() {
        assertThat(jsonRpc("x", List.of("q\"b\\\n"), false)).contains("\"params\":[\"q\\\"b\\\\\\n\"]");
    }

    @Test
    void legacyIsTheCommandLineThenOneArgumentPerLine() {
        assertThat(legacy("version")).isEqualTo(":version:\n");
        assertThat(legacy("event_subscribe", "E_DEMO", "udp:127.0.0.1:9000", "60"))
                .isEqualTo(":event_subscribe:\nE_DEMO\nudp:127.0.0.1:9000\n60\n");
    }

    @Test
    void legacyQuotesWhatTheParserWouldReadDifferently() {
        assertThat(legacy("c", "multi\nline", "say \"hi\"", "udp:[::1]:9000", " padded", "tab\there"))
                .isEqualTo(":c:\n\"multi\nline\"\n\"say \\\"hi\\\"\"\n\"udp:[::1]:9000\"\n\" padded\"\ntab\there\n");
    }

    @Test
    void legacyRefusesWhatItsGrammarCannotCarry() {
        assertThatThrownBy(() -> legacy("c", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> legacy("c", "\"lead\nx")).hasMessageContaining("starts with");
        assertThatThrownBy(() -> legacy("c", "a\nb\\")).hasMessageContaining("ends with");
        assertThatThrownBy(() -> legacy("a:b")).isInstanceOf(IllegalArgumentException.class);
    }
}
