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
    void onlyTrailingEncoderOptionsAreTakenOffTheLastOneWins() {
        assertThat(SocketSpec.parse("rabbitmq:h/exchange=x;persistent?key;encoder=legacy"))
                .isEqualTo(new SocketSpec("rabbitmq", "h/exchange=x;persistent?key", "legacy"));
        assertThat(SocketSpec.parse("udp:1;encoder=a;encoder=b")).isEqualTo(new SocketSpec("udp", "1", "b"));
        assertThat(SocketSpec.parse("udp:1;encoder=a;x")).isEqualTo(new SocketSpec("udp", "1;encoder=a;x", null));
        assertThat(SocketSpec.parse("udp:1;encoder=a b")).isEqualTo(new SocketSpec("udp", "1;encoder=a b", null));
    }

    @Test
    void otherSemicolonsStayInTheAddressForTheTransportToJudge() {
        assertThat(SocketSpec.parse("udp:1.2.3.4:5;foo=bar"))
                .isEqualTo(new SocketSpec("udp", "1.2.3.4:5;foo=bar", null));
        assertThat(SocketSpec.parse("udp:1;")).isEqualTo(new SocketSpec("udp", "1;", null));
        assertThat(SocketSpec.parse("/tmp/a;b;encoder=legacy")).isEqualTo(new SocketSpec("unix", "/tmp/a;b", "legacy"));
    }

    @Test
    void badSocketsAreRefused() {
        for (String bad : new String[] {"", "relative/ev.sock", ":x", "udp:1;encoder=", "udp:1;encoder=;encoder=a",
            "x;encoder=a"}) {
            assertThatThrownBy(() -> SocketSpec.parse(bad)).as(bad).isInstanceOf(InvalidSubscriptionException.class);
        }
        assertThatThrownBy(() -> SocketSpec.parse(null)).isInstanceOf(InvalidSubscriptionException.class);
    }
}
