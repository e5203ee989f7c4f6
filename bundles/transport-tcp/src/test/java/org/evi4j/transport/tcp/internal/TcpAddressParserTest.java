package org.evi4j.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Socket syntax as OpenSIPS's {@code stream_parse}: the vectors' accepted and refused sockets, and more. */
class TcpAddressParserTest {

    private static final JsonNode SOCKETS = Vectors.load("transports-stream.json").get("sockets");
    private static final String LOG_PREFIX = "ERROR:event_stream:stream_parse: ";

    static Stream<JsonNode> valid() {
        List<JsonNode> all = new ArrayList<>();
        SOCKETS.get("valid").forEach(all::add);
        return all.stream();
    }

    /** The refusals that reach the tcp transport (not {@code TCP:}, which no transport serves). */
    static Stream<JsonNode> invalid() {
        List<JsonNode> all = new ArrayList<>();
        SOCKETS.get("invalid").forEach(v -> {
            if (v.get("socket").asText().startsWith("tcp:")) {
                all.add(v);
            }
        });
        return all.stream();
    }

    private static TcpDestination parse(String address) {
        return TcpAddressParser.parse(address, DeliveryReport.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptedSocketsAreListedAsOpenSipsListsThem(JsonNode vector) {
        TcpDestination d = parse(vector.get("socket").asText().substring("tcp:".length()));
        assertThat("tcp:" + d.shownAddress()).isEqualTo(vector.get("listed_as").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusedSocketsGiveOpenSipsErrorText(JsonNode vector) {
        String log = vector.get("server_log").get(0).asText();
        assertThat(log).startsWith(LOG_PREFIX);
        assertThatThrownBy(() -> parse(vector.get("socket").asText().substring("tcp:".length())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(log.substring(LOG_PREFIX.length()));
    }

    @Test
    void methodIsEverythingAfterTheFirstSlashAndKeepsSlashesAndSpaces() {
        TcpDestination d = parse("127.0.0.1:9104/m/x y");
        assertThat(d.method()).isEqualTo("m/x y");
        assertThat(d.address()).isEqualTo("127.0.0.1:9104/m/x y");
        assertThat(parse("127.0.0.1:9104/").method()).isNull();
        assertThat(parse("127.0.0.1:9104").method()).isNull();
    }

    @Test
    void portIsAtMostFiveDigitsModulo65536() {
        assertThat(parse("127.0.0.1:65535").target().getPort()).isEqualTo(65535);
        assertThatThrownBy(() -> parse("127.0.0.1:65536/m")).hasMessage("malformed port: 65536");
        assertThat(parse("127.0.0.1:99999").target().getPort()).isEqualTo(99999 % 65536);
        assertThatThrownBy(() -> parse("127.0.0.1:000009607")).hasMessage("malformed port: 000009607");
        assertThatThrownBy(() -> parse("127.0.0.1:-1")).hasMessage("malformed port: -1");
        assertThatThrownBy(() -> parse("127.0.0.1:/m")).hasMessage("malformed port: ");
        assertThatThrownBy(() -> parse("127.0.0.1:\0")).hasMessage("invalid port number");
    }

    @Test
    void hostIsResolvedToIpv4AndKeptAsWritten() {
        TcpDestination d = parse("localhost:9610/m");
        assertThat(d.address()).isEqualTo("localhost:9610/m");
        assertThat(d.target().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(d.inetAddress()).contains(d.target().getAddress());
        assertThatThrownBy(() -> parse("no host.invalid:1")).hasMessage("cannot resolve host no host.invalid");
        assertThatThrownBy(() -> parse("a/b:1")).hasMessage("cannot resolve host a/b");
    }

    @Test
    void sameHostPortAndMethodAreTheSameSubscriberOthersAreNot() {
        assertThat(parse("127.0.0.1:09101").shownAddress()).isEqualTo(parse("127.0.0.1:9101").shownAddress());
        assertThat(parse("127.0.0.1:9609/my_method").shownAddress())
                .isEqualTo(parse("127.0.0.1:9609/my_method").shownAddress());
        assertThat(parse("127.0.0.1:9609/a").shownAddress()).isNotEqualTo(parse("127.0.0.1:9609/b").shownAddress());
        assertThat(parse("localhost:9609").shownAddress()).isNotEqualTo(parse("127.0.0.1:9609").shownAddress());
    }
}
