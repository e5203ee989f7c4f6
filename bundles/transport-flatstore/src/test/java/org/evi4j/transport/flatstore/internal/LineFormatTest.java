package org.evi4j.transport.flatstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.testkit.Configs;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The line of every flatstore vector, byte for byte, and the escape_delimiter OpenSIPS meant. */
class LineFormatTest {

    static List<JsonNode> lines() {
        List<JsonNode> out = new ArrayList<>();
        Vectors.load("transports-flatstore.json").get("lines").forEach(out::add);
        return out;
    }

    static LineFormat format(Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("allowed_folders", "/tmp");
        return new LineFormat(FlatSettings.of(Configs.of(FlatstoreTransportConfig.class, all), (Path) null));
    }

    static Map<String, ?> profile(JsonNode vector) {
        return vector.get("profile").asText().equals("alt") ? Flat.alt() : Map.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void everyVectorLineByteForByte(JsonNode vector) {
        byte[] expected = Base64.getDecoder().decode(vector.get("expected_b64").asText());
        assertThat(format(profile(vector)).line(Vectors.event(vector))).as(vector.get("id").asText())
                .isEqualTo(expected);
    }

    @Test
    void theDelimiterTablesOfTheReference() {
        Event event = Event.of("E_MY_CUSTOM", EventParam.of("a", "p|q;r"), EventParam.of("b", "x|;y"),
                EventParam.of("c", "ab,cd"), EventParam.of("n", 12));
        assertThat(text(format(Map.of("delimiter", "|")), event)).isEqualTo("E_MY_CUSTOM|p q;r|x ;y|ab,cd|12\n");
        assertThat(text(format(Map.of("delimiter", "|;")), event))
                .isEqualTo("E_MY_CUSTOM|;p q;r|;x ;y|;ab,cd|;12\n");
    }

    @Test
    void escapeDelimiterReplacesEveryWholeDelimiterAsOpenSipsDocumentsIt() {
        Event event = Event.of("E_MY_CUSTOM", EventParam.of("e", ""), EventParam.of("i", 5),
                EventParam.of("s", "a;b:c,d"));
        Map<String, Object> alt = new HashMap<>(Flat.alt());
        alt.put("escape_delimiter", ":");
        assertThat(text(format(alt), event)).isEqualTo("5;a:b:c,d\n");
        Event two = Event.of("E", EventParam.of(null, "x|;y|z;|;"));
        assertThat(text(format(Map.of("delimiter", "|;", "escape_delimiter", "##")), two))
                .isEqualTo("E|;x##y|z;##\n");
    }

    @Test
    void aNonAsciiDelimiterHasItsFirstByteReplacedAsOpenSipsDoes() {
        byte[] line = format(Map.of("delimiter", "\u00e9")).line(Event.of("E", EventParam.of(null, "a\u00e9b")));
        assertThat(line).isEqualTo(new byte[] {'E', (byte) 0xc3, (byte) 0xa9, 'a', ' ', (byte) 0xa9, 'b', '\n'});
    }

    @Test
    void nullValuesAndNamesAreNotWritten() {
        Event event = Event.of("E", EventParam.ofNull("n"), EventParam.of("s", "v"));
        assertThat(text(format(Map.of()), event)).isEqualTo("E,,v\n");
    }

    @Test
    void anEscapeOfAnotherLengthIsRefusedAsOpenSipsRefusesToStart() {
        assertThatThrownBy(() -> format(Map.of("delimiter", ";", "escape_delimiter", "::")))
                .hasMessageContaining("\"escape_delimiter\" length (2) must match \"delimiter\" length (1)");
    }

    @Test
    void suppressEventNameAcceptsOpenSipsBooleans() {
        Event event = Event.of("E", EventParam.of(null, 1));
        for (String yes : new String[] {"1", "yes", "true"}) {
            assertThat(text(format(Map.of("suppress_event_name", yes)), event)).isEqualTo("1\n");
        }
        for (String no : new String[] {"0", "no", "false"}) {
            assertThat(text(format(Map.of("suppress_event_name", no)), event)).isEqualTo("E,1\n");
        }
    }

    private static String text(LineFormat format, Event event) {
        return new String(format.line(event), StandardCharsets.UTF_8);
    }
}
