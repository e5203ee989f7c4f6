package org.evi4j.launcher.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.evi4j.api.EventParam;
import org.evi4j.launcher.internal.cli.ReceivedEvent.Param;
import org.evi4j.testkit.Vectors;
import org.evi4j.testkit.Vectors.EventCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReceivedEventTest {

    /** Legacy vectors the text format cannot tell apart from another event (OPENSIPS-REFERENCE 3.4). */
    private static final Set<String> LEGACY_AMBIGUOUS = Set.of("unnamed-empty", "colons-in-value");

    static Stream<EventCase> jsonRpcCases() {
        return Vectors.eventCases("events-jsonrpc.json").stream();
    }

    static Stream<EventCase> legacyCases() {
        return Vectors.eventCases("events-legacy.json").stream().filter(c -> !LEGACY_AMBIGUOUS.contains(c.id()));
    }

    private static ReceivedEvent decode(byte[] bytes) {
        return ReceivedEvent.decode(bytes, bytes.length);
    }

    private static ReceivedEvent decode(String text) {
        return decode(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("jsonRpcCases")
    void decodesEveryJsonRpcVectorBackToItsEvent(EventCase c) {
        ReceivedEvent decoded = decode(c.expected());
        assertThat(decoded.name()).isEqualTo(c.event().name());
        assertThat(decoded.params()).containsExactlyElementsOf(jsonRpcView(c.event().params()));
    }

    /** What JSON-RPC keeps of the params (SPEC 2): an object keyed "" for unnamed, or an array without names. */
    private static List<Param> jsonRpcView(List<EventParam> params) {
        boolean object = !params.isEmpty() && params.get(0).isNamed();
        List<Param> view = new ArrayList<>();
        for (EventParam p : params) {
            String name = object ? (p.isNamed() ? p.name() : "") : null;
            Object value = switch (p.type()) {
                case INT -> (long) p.intValue();
                case STRING -> p.stringValue();
                case NULL -> null;
            };
            view.add(new Param(name, value));
        }
        return view;
    }

    @ParameterizedTest
    @MethodSource("legacyCases")
    void decodesEveryUnambiguousLegacyVectorBackToItsEvent(EventCase c) {
        ReceivedEvent decoded = decode(c.expected());
        assertThat(decoded.name()).isEqualTo(c.event().name());
        List<Param> expected = new ArrayList<>();
        for (EventParam p : c.event().params()) {
            String text = switch (p.type()) {
                case INT -> Integer.toString(p.intValue());
                case STRING -> p.stringValue();
                case NULL -> "";
            };
            expected.add(new Param(p.name(), text));
        }
        assertThat(decoded.params()).containsExactlyElementsOf(expected);
    }

    @Test
    void lineShowsNamesAndQuotesOnlyWhatNeedsIt() {
        ReceivedEvent event = decode("{\"jsonrpc\":\"2.0\",\"method\":\"E_PIKE_BLOCKED\",\"params\":{\"ip\":"
                + "\"192.168.2.11\",\"n\":-7,\"who\":\"José Müller\",\"e\":\"\",\"z\":null,\"s\":\"null\","
                + "\"o\":{\"a\":[1,2]},\"\":\"x\"}}");
        assertThat(event.toLine()).isEqualTo(
                "E_PIKE_BLOCKED ip=192.168.2.11 n=-7 who=\"José Müller\" e=\"\" z=null s=\"null\" o={\"a\":[1,2]} \"\"=x");
    }

    @Test
    void lineOfAnArrayEventHasNoNames() {
        assertThat(decode("{\"jsonrpc\":\"2.0\",\"method\":\"E\",\"params\":[\"multi\\nline\",5]}").toLine())
                .isEqualTo("E \"multi\\nline\" 5");
        assertThat(decode("E_TEST_NOPARAM\n\n").toLine()).isEqualTo("E_TEST_NOPARAM");
    }

    @Test
    void legacySingleLineValueStartingWithAQuoteIsRaw() {
        assertThat(decode("E\nq::\"x\"\n\n").params()).containsExactly(new Param("q", "\"x\""));
    }

    @Test
    void refusesWhatIsNeitherForm() {
        assertThatThrownBy(() -> decode("{\"jsonrpc\":\"2.0\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decode("{broken")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decode("no newline")).isInstanceOf(IllegalArgumentException.class);
    }
}
