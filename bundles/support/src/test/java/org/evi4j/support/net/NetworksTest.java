package org.evi4j.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworksTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void loopbackAllowsLoopbackOnly() throws UnknownHostException {
        Networks loopback = Networks.loopback();
        assertThat(loopback).isEqualTo(Networks.parse("p", "127.0.0.0/8", "::1/128"));
        assertThat(loopback.allows(ip("127.0.0.1"))).isTrue();
        assertThat(loopback.allows(ip("127.255.1.2"))).isTrue();
        assertThat(loopback.allows(ip("::1"))).isTrue();
        assertThat(loopback.allows(ip("128.0.0.1"))).isFalse();
        assertThat(loopback.allows(ip("::2"))).isFalse();
    }

    @Test
    void matchesPrefixesThatAreNotWholeBytes() throws UnknownHostException {
        Networks networks = Networks.parse("p", " 192.168.4.0/22 , fd00::/7, 10.1.2.3", "10.1.0.0/17");
        assertThat(networks.allows(ip("192.168.7.255"))).isTrue();
        assertThat(networks.allows(ip("192.168.8.0"))).isFalse();
        assertThat(networks.allows(ip("192.168.3.255"))).isFalse();
        assertThat(networks.allows(ip("fc00::1"))).isTrue();
        assertThat(networks.allows(ip("fe00::1"))).isFalse();
        assertThat(networks.allows(ip("10.1.2.3"))).isTrue();
        assertThat(networks.allows(ip("10.1.127.255"))).isTrue();
        assertThat(networks.allows(ip("10.1.128.0"))).isFalse();
    }

    @Test
    void aCfgLineGivesOneElementWithCommasAndCountsAsSeveral() {
        Networks fromCfg = Networks.parse("allowed_sources", "127.0.0.0/8, ::1/128");
        assertThat(fromCfg.networks()).hasSize(2);
        assertThat(fromCfg).isEqualTo(Networks.parse("allowed_sources", "127.0.0.0/8", "::1/128"));
        assertThat(fromCfg).hasToString("127.0.0.0/8, ::1/128");
    }

    @Test
    void zeroPrefixesAllowAFamilyAndEmptyAllowsNobody() throws UnknownHostException {
        Networks any4 = Networks.parse("p", "0.0.0.0/0");
        assertThat(any4.allows(ip("203.0.113.9"))).isTrue();
        assertThat(any4.allows(ip("::1"))).isFalse();
        assertThat(Networks.parse("p", "::/0").allows(ip("127.0.0.1"))).isFalse();
        for (Networks none : List.of(Networks.parse("p", ""), Networks.parse("p"), Networks.parse("p", (String[]) null))) {
            assertThat(none.isEmpty()).isTrue();
            assertThat(none.allows(ip("127.0.0.1"))).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "256.0.0.1/8", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0/8",
        "10.0.0.0/x", "::g/128", "example.com/24", "/8", "1234"})
    void refusesWhatIsNotACidrWithoutLookups(String entry) {
        assertThatThrownBy(() -> Networks.parse("allowed_sources", "127.0.0.0/8," + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed_sources")
                .hasMessageContaining(entry);
    }

    @Test
    void skippingKeepsTheGoodEntriesAndReportsTheBadOnes() throws UnknownHostException {
        List<String> skipped = new ArrayList<>();
        Networks networks = Networks.parseSkipping(e -> skipped.add(e.getMessage()), "10.0.0.0/8, nope", "::1");
        assertThat(networks.allows(ip("10.2.3.4"))).isTrue();
        assertThat(networks.allows(ip("::1"))).isTrue();
        assertThat(skipped).singleElement().asString().contains("nope");
    }
}
