package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evi4j.api.InvalidSubscriptionException;
import org.junit.jupiter.api.Test;

class SocketSpecTest {

    @Test
    void schemeIsTheTextBeforeTheFirstColon() {
        assertThat(SocketSpec.parse("udp:[::1]:8081")).isEqualTo(new SocketSpec("udp", "[::1]:8081", null));
        assertThat(SocketSpec.parse("unix:/tmp/a:b")).isEqualTo(new SocketSpec("unix", "/tmp/a:b", null));
    }

    @Test
    void bareAbsolutePathIsUnixWithTheWholePath() {
        assertThat(SocketSpec.parse("/tmp/a:b")).isEqualTo(new SocketSpec("unix", "/tmp/a:b", null));
    }

    @Test
    void encoderOptionIsTakenOff() {
        assertThat(SocketSpec.parse("udp:127.0.0.1:1;encoder=legacy"))
                .isEqualTo(new SocketSpec("udp", "127.0.0.1:1", "legacy"));
        assertThat(SocketSpec.parse("/tmp/x;encoder=jsonrpc")).isEqualTo(new SocketSpec("unix", "/tmp/x", "jsonrpc"));
    }

    @Test
    void badSocketsAreRefused() {
        for (String bad : new String[] {"", "relative/ev.sock", ":x", "udp:1;bogus=1", "udp:1;encoder=",
            "udp:1;encoder=a;", "udp:1;"}) {
            assertThatThrownBy(() -> SocketSpec.parse(bad)).as(bad).isInstanceOf(InvalidSubscriptionException.class);
        }
        assertThatThrownBy(() -> SocketSpec.parse(null)).isInstanceOf(InvalidSubscriptionException.class);
    }
}
