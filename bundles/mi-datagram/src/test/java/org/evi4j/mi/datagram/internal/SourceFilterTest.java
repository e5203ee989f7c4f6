package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceFilterTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void theDefaultAllowsLoopbackOnly() throws UnknownHostException {
        SourceFilter filter = SourceFilter.parse("127.0.0.0/8,::1/128");
        assertThat(filter.allows(ip("127.0.0.1"))).isTrue();
        assertThat(filter.allows(ip("127.255.1.2"))).isTrue();
        assertThat(filter.allows(ip("::1"))).isTrue();
        assertThat(filter.allows(ip("128.0.0.1"))).isFalse();
        assertThat(filter.allows(ip("10.0.0.1"))).isFalse();
        assertThat(filter.allows(ip("::2"))).isFalse();
    }

    @Test
    void matchesPrefixesThatAreNotWholeBytes() throws UnknownHostException {
        SourceFilter filter = SourceFilter.parse(" 192.168.4.0/22 , fd00::/7, 10.1.2.3");
        assertThat(filter.allows(ip("192.168.7.255"))).isTrue();
        assertThat(filter.allows(ip("192.168.8.0"))).isFalse();
        assertThat(filter.allows(ip("192.168.3.255"))).isFalse();
        assertThat(filter.allows(ip("fc00::1"))).isTrue();
        assertThat(filter.allows(ip("fe00::1"))).isFalse();
        assertThat(filter.allows(ip("10.1.2.3"))).isTrue();
        assertThat(filter.allows(ip("10.1.2.4"))).isFalse();
    }

    @Test
    void zeroPrefixesAllowAFamilyAndEmptyAllowsNobody() throws UnknownHostException {
        SourceFilter any4 = SourceFilter.parse("0.0.0.0/0");
        assertThat(any4.allows(ip("203.0.113.9"))).isTrue();
        assertThat(any4.allows(ip("::1"))).isFalse();
        SourceFilter none = SourceFilter.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.allows(ip("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "256.0.0.1/8", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0/8",
        "10.0.0.0/x", "::g/128", "example.com/24"})
    void refusesWhatIsNotACidr(String entry) {
        assertThatThrownBy(() -> SourceFilter.parse("127.0.0.0/8," + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed_sources")
                .hasMessageContaining(entry);
    }
}
