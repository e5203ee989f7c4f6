package org.evi4j.transport.udp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.Destination;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class UdpAddressParserTest {

    private final UdpTransport transport = UdpTestConfigs.transport();

    static List<Arguments> validVectors() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : Vectors.load("sockets.json").get("valid")) {
            String socket = c.get("socket").asText();
            // ";encoder=" belongs to the core, not to the transport
            if (socket.startsWith("udp:") && socket.indexOf(';') < 0) {
                cases.add(Arguments.of(socket.substring(4), c.get("canonical").asText().substring(4)));
            }
        }
        return cases;
    }

    static List<String> invalidVectors() {
        List<String> cases = new ArrayList<>();
        for (JsonNode c : Vectors.load("sockets.json").get("invalid")) {
            String socket = c.get("socket").asText();
            if (socket.startsWith("udp:") && socket.indexOf(';') < 0) {
                cases.add(socket.substring(4));
            }
        }
        return cases;
    }

    @Test
    void vectorsCoverTheUdpCases() {
        assertThat(validVectors()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(invalidVectors()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void validVectorHasCanonicalAddress(String address, String canonical) {
        assertThat(transport.parse(address).address()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @MethodSource("invalidVectors")
    void invalidVectorIsRefusedWithAMessage(String address) {
        assertThatThrownBy(() -> transport.parse(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(address.isEmpty() ? "empty" : address);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:0, out of range",
        "127.0.0.1:65536, out of range",
        "127.0.0.1:70000, out of range",
        "127.0.0.1:9999999999, out of range",
        "127.0.0.1:abc, not a number",
        "127.0.0.1:-1, not a number",
        "'127.0.0.1:', empty port",
        "127.0.0.1, no port",
        "[::1], no port",
        "[::1]8081, no port",
        "[::1:8081, missing ']'",
        "[localhost]:8081, IPv6 literal",
        ":8081, no host",
        "::1:8081, brackets",
        "no-such-host.invalid:8081, does not resolve",
        "'bad host:80', invalid host",
        "'', empty",
    })
    void explainsWhatIsWrong(String address, String reason) {
        assertThatThrownBy(() -> transport.parse(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> transport.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesButKeepsTheTextAsWritten() throws Exception {
        Destination byName = transport.parse("localhost:9999");
        Destination byIp = transport.parse("127.0.0.1:9999");

        assertThat(byName.address()).isEqualTo("localhost:9999").isNotEqualTo(byIp.address());
        assertThat(byName.inetAddress()).hasValueSatisfying(ip -> assertThat(ip.isLoopbackAddress()).isTrue());
        assertThat(byIp.inetAddress()).contains(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void ipv6LiteralKeepsItsBrackets() throws Exception {
        Destination d = transport.parse("[::1]:8081");

        assertThat(d.address()).isEqualTo("[::1]:8081");
        assertThat(d.inetAddress()).contains(InetAddress.getByName("::1"));
        assertThat(((UdpDestination) d).target().getPort()).isEqualTo(8081);
    }

    @Test
    void portLimitsAreInclusive() {
        assertThat(transport.parse("127.0.0.1:1").address()).isEqualTo("127.0.0.1:1");
        assertThat(transport.parse("127.0.0.1:65535").address()).isEqualTo("127.0.0.1:65535");
        assertThat(transport.parse("127.0.0.1:08081").address()).isEqualTo("127.0.0.1:8081");
    }
}
