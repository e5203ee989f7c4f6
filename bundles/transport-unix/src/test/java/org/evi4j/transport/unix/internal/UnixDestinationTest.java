package org.evi4j.transport.unix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class UnixDestinationTest {

    /** What the core hands the UNIX transport: the text after {@code unix:}, or a whole string without a scheme. */
    private static String forTransport(String socket) {
        if (socket.startsWith("unix:")) {
            return socket.substring(5);
        }
        return socket.indexOf(':') < 0 ? socket : null;
    }

    static List<Arguments> validVectors() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : Vectors.load("sockets.json").get("valid")) {
            String address = forTransport(c.get("socket").asText());
            if (address != null) {
                cases.add(Arguments.of(address, c.get("canonical").asText().substring(5)));
            }
        }
        return cases;
    }

    static List<String> invalidVectors() {
        List<String> cases = new ArrayList<>();
        for (JsonNode c : Vectors.load("sockets.json").get("invalid")) {
            String address = forTransport(c.get("socket").asText());
            if (address != null) {
                cases.add(address);
            }
        }
        return cases;
    }

    @Test
    void vectorsCoverTheUnixCases() {
        assertThat(validVectors()).hasSizeGreaterThanOrEqualTo(5)
                .anySatisfy(a -> assertThat(a.get()[0]).isEqualTo("/tmp/opensips_event.sock"));
        assertThat(invalidVectors()).contains("", "relative/ev.sock").hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void validVectorHasCanonicalAddress(String address, String canonical) {
        assertThat(UnixDestination.parse(address).address()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @MethodSource("invalidVectors")
    void invalidVectorIsRefusedWithAMessage(String address) {
        assertThatThrownBy(() -> UnixDestination.parse(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(address.isEmpty() ? "empty" : address);
    }

    @ParameterizedTest
    @CsvSource({
        "'', empty",
        "relative/ev.sock, not absolute",
        "./ev.sock, not absolute",
        "'/tmp/a\u0000b', NUL",
    })
    void explainsWhatIsWrong(String path, String reason) {
        assertThatThrownBy(() -> UnixDestination.parse(path))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> UnixDestination.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        String longest = "/tmp/" + "\u00e9".repeat(51);
        assertThat(UnixDestination.parse(longest).address()).isEqualTo(longest);
        assertThat(UnixDestination.parse("/tmp/" + "p".repeat(102)).address()).hasSize(107);

        assertThatThrownBy(() -> UnixDestination.parse(longest + "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("108 bytes");
        assertThatThrownBy(() -> UnixDestination.parse("/tmp/" + "p".repeat(103)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 107");
    }

    @Test
    void pathIsKeptExactlyAsWritten() {
        assertThat(UnixDestination.parse("/tmp//a/../b.sock").address()).isEqualTo("/tmp//a/../b.sock");
        assertThat(UnixDestination.parse("/tmp/a").address()).isNotEqualTo(UnixDestination.parse("/tmp/ab").address());
        assertThat(UnixDestination.parse("/tmp/a").inetAddress()).isEmpty();
    }
}
