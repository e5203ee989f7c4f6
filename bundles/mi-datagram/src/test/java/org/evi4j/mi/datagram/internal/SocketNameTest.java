package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketNameTest {

    @Test
    void parsesUdpWithIpv4IPv6AndHostNames() {
        assertThat(SocketName.parse("udp:127.0.0.1:8080")).isEqualTo(new SocketName("127.0.0.1", 8080, null));
        assertThat(SocketName.parse("udp:[::1]:8080")).isEqualTo(new SocketName("::1", 8080, null));
        assertThat(SocketName.parse(" udp:localhost:0 ")).isEqualTo(new SocketName("localhost", 0, null));
        assertThat(SocketName.parse("udp:[::1]:65535").isUdp()).isTrue();
    }

    @Test
    void parsesUnixPathsWithAndWithoutPrefix() {
        assertThat(SocketName.parse("unix:/tmp/mi.sock")).isEqualTo(new SocketName(null, 0, Path.of("/tmp/mi.sock")));
        assertThat(SocketName.parse("/tmp/mi.sock")).isEqualTo(new SocketName(null, 0, Path.of("/tmp/mi.sock")));
        assertThat(SocketName.parse("/tmp/mi.sock").isUdp()).isFalse();
        assertThat(SocketName.parse("/" + "p".repeat(106)).path()).hasToString("/" + "p".repeat(106));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "udp:127.0.0.1", "udp:127.0.0.1:", "udp:127.0.0.1:65536", "udp:127.0.0.1:-1",
        "udp:127.0.0.1:80x", "udp::1:8080", "udp::8080", "udp:[::1]8080", "udp:[::1]", "tcp:127.0.0.1:8080",
        "relative/path", "unix:relative"})
    void refusesWhatIsNotASocketName(String text) {
        assertThatThrownBy(() -> SocketName.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socket_name");
    }

    @Test
    void refusesNullAndOverlongPaths() {
        assertThatThrownBy(() -> SocketName.parse(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> SocketName.parse("/" + "p".repeat(107))).hasMessageContaining("107 bytes");
        // bytes, not characters, count
        assertThatThrownBy(() -> SocketName.parse("/" + "é".repeat(54))).hasMessageContaining("107 bytes");
    }
}
