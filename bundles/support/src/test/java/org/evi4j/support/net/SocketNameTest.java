package org.evi4j.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketNameTest {

    @Test
    void parsesUdpWithIpv4Ipv6AndHostNames() {
        assertThat(SocketName.parse("udp:127.0.0.1:8080")).isEqualTo(new SocketName("127.0.0.1", 8080, null));
        assertThat(SocketName.parse("udp:[::1]:8080")).isEqualTo(new SocketName("::1", 8080, null));
        assertThat(SocketName.parse(" udp:localhost:0 ")).isEqualTo(new SocketName("localhost", 0, null));
        assertThat(SocketName.parse("udp:[::1]:65535").isUdp()).isTrue();
        assertThat(SocketName.parse("udp:localhost:9").inet().getPort()).isEqualTo(9);
    }

    @Test
    void writesTheCanonicalTextBackWithIpv6Brackets() {
        assertThat(SocketName.parse("udp:127.0.0.1:8080")).hasToString("udp:127.0.0.1:8080");
        assertThat(SocketName.parse("udp:[::1]:8081")).hasToString("udp:[::1]:8081");
        assertThat(SocketName.parse("/tmp/ev.sock")).hasToString("unix:/tmp/ev.sock");
        assertThat(SocketName.parse("udp:127.0.0.1:0").withPort(4242)).hasToString("udp:127.0.0.1:4242");
    }

    @Test
    void parsesUnixPathsWithAndWithoutPrefix() {
        assertThat(SocketName.parse("unix:/tmp/mi.sock")).isEqualTo(new SocketName(null, 0, Path.of("/tmp/mi.sock")));
        assertThat(SocketName.parse("/tmp/mi.sock")).isEqualTo(new SocketName(null, 0, Path.of("/tmp/mi.sock")));
        assertThat(SocketName.parse("/tmp/mi.sock").isUnix()).isTrue();
        assertThat(SocketName.parse("/" + "p".repeat(106)).path()).hasToString("/" + "p".repeat(106));
        assertThat(SocketName.unix(Path.of("/srv/x.sock"))).hasToString("unix:/srv/x.sock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "udp:127.0.0.1", "udp:127.0.0.1:", "udp:127.0.0.1:65536", "udp:127.0.0.1:-1",
        "udp:127.0.0.1:80x", "udp:127.0.0.1:+80", "udp::1:8080", "udp::8080", "udp:[::1]8080", "udp:[::1]",
        "udp:[::1:80", "tcp:127.0.0.1:8080", "relative/path", "unix:relative"})
    void refusesWhatIsNotASocketName(String text) {
        assertThatThrownBy(() -> SocketName.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socket");
    }

    @Test
    void refusesNullNulAndOverlongPaths() {
        assertThatThrownBy(() -> SocketName.parse(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> SocketName.parse("/" + "p".repeat(107))).hasMessageContaining("at most 107 bytes");
        // bytes, not characters, count
        assertThatThrownBy(() -> SocketName.parse("/" + "é".repeat(54))).hasMessageContaining("107 bytes");
        assertThatThrownBy(() -> SocketName.parse("/tmp/a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> SocketName.unix(Path.of("/" + "p".repeat(107)))).hasMessageContaining("107");
    }
}
