package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class CidrTest {

    private static boolean matches(String cidr, String ip) throws Exception {
        return Cidr.parse(cidr).matches(InetAddress.getByName(ip));
    }

    @Test
    void matchesByPrefix() throws Exception {
        assertThat(matches("127.0.0.0/8", "127.200.1.1")).isTrue();
        assertThat(matches("127.0.0.0/8", "128.0.0.1")).isFalse();
        assertThat(matches("10.1.0.0/17", "10.1.127.255")).isTrue();
        assertThat(matches("10.1.0.0/17", "10.1.128.0")).isFalse();
        assertThat(matches("::1/128", "::1")).isTrue();
        assertThat(matches("::1/128", "::2")).isFalse();
        assertThat(matches("0.0.0.0/0", "203.0.113.9")).isTrue();
        assertThat(matches("::/0", "2001:db8::1")).isTrue();
        assertThat(matches("192.0.2.1", "192.0.2.1")).isTrue();
        assertThat(matches("192.0.2.1", "192.0.2.2")).isFalse();
    }

    @Test
    void familiesDoNotMix() throws Exception {
        assertThat(matches("::/0", "127.0.0.1")).isFalse();
        assertThat(matches("0.0.0.0/0", "::1")).isFalse();
    }

    @Test
    void badTextIsRefusedWithoutLookups() {
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "::/129", "10.0.0.0/x", "", "/8", "1234"}) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
