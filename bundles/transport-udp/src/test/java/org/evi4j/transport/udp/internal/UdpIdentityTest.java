package org.evi4j.transport.udp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.Destination;
import org.junit.jupiter.api.Test;

/** Issue #17: the spellings of one UDP target are one destination identity (no amplification by spelling). */
class UdpIdentityTest {

    private final UdpTransport transport = UdpTestConfigs.transport();

    @Test
    void everySpellingOfLoopbackThatParsesHasOneIdentity() throws Exception {
        List<String> spellings = new ArrayList<>(List.of("127.0.0.1:9", "[::ffff:127.0.0.1]:9",
                "[0:0:0:0:0:ffff:7f00:1]:9", "[0:00:000:0000:00:ffff:7f00:0001]:9", "127.000.0.1:9",
                "127.0.0.01:9", "2130706433:9", "127.1:9", "0x7f.0.0.1:9"));
        if (InetAddress.getByName("localhost").getHostAddress().equals("127.0.0.1")) {
            spellings.add("localhost:9");
        }
        List<String> identities = new ArrayList<>();
        for (String spelling : spellings) {
            try {
                Destination d = transport.parse(spelling);
                assertThat(d.address()).as("listed as written").isEqualTo(spelling);
                identities.add(d.identity());
            } catch (IllegalArgumentException refused) {
                // a spelling the parser refuses cannot make a second subscriber either
            }
        }
        assertThat(identities).hasSizeGreaterThanOrEqualTo(4).containsOnly("127.0.0.1:9");
    }

    @Test
    void ipv6TargetsHaveOneBracketedIdentity() {
        assertThat(transport.parse("[::1]:9").identity()).isEqualTo("[0:0:0:0:0:0:0:1]:9");
        assertThat(transport.parse("[0:0::0001]:9").identity()).isEqualTo("[0:0:0:0:0:0:0:1]:9");
        assertThat(transport.parse("[::1]:10").identity()).isNotEqualTo(transport.parse("[::1]:9").identity());
    }
}
