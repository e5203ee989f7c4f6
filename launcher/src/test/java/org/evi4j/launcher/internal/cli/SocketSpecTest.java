package org.evi4j.launcher.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketSpecTest {

    @Test
    void parsesUdpIpv4AndHostNames() {
        SocketSpec spec = SocketSpec.parse("udp:127.0.0.1:8080");
        assertThat(spec.isUnix()).isFalse();
        assertThat(spec.host()).isEqualTo("127.0.0.1");
        assertThat(spec.port()).isEqualTo(8080);
        assertThat(spec.toString()).isEqualTo("udp:127.0.0.1:8080");
        assertThat(SocketSpec.parse("udp:localhost:9").inet().getPort()).isEqualTo(9);
    }

    @Test
    void parsesBracketedIpv6AndWritesTheBracketsBack() {
        SocketSpec spec = SocketSpec.parse("udp:[::1]:8081");
        assertThat(spec.host()).isEqualTo("::1");
        assertThat(spec.toString()).isEqualTo("udp:[::1]:8081");
    }

    @Test
    void parsesUnixWithAndWithoutScheme() {
        assertThat(SocketSpec.parse("unix:/tmp/ev.sock").path()).isEqualTo(Paths.get("/tmp/ev.sock"));
        assertThat(SocketSpec.parse("/tmp/ev.sock").toString()).isEqualTo("unix:/tmp/ev.sock");
    }

    @Test
    void portZeroIsAllowedForBindingAndReplacedByTheBoundOne() {
        assertThat(SocketSpec.parse("udp:127.0.0.1:0").withPort(4242).toString()).isEqualTo("udp:127.0.0.1:4242");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp:127.0.0.1:80", "udp:127.0.0.1", "udp:127.0.0.1:65536", "udp:127.0.0.1:-1",
        "udp:127.0.0.1:x", "udp:::1:80", "udp:[::1:80", "unix:relative.sock", "relative.sock", "udp::80"})
    void refusesBadSockets(String text) {
        assertThatThrownBy(() -> SocketSpec.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnixPathsOverTheKernelLimit() {
        String longPath = "/tmp/" + "x".repeat(103);
        assertThat(SocketSpec.parse("/tmp/" + "x".repeat(102)).path().toString()).hasSize(107);
        assertThatThrownBy(() -> SocketSpec.parse(longPath)).hasMessageContaining("107");
    }
}
