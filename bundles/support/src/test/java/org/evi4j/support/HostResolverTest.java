package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class HostResolverTest {

    @Test
    void literalsAndNamesResolveAndUnknownNamesAreRefused() throws Exception {
        try (HostResolver resolver = new HostResolver("test", 10_000)) {
            assertThat(resolver.resolve("127.0.0.1")).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(resolver.resolve("[::1]")).isEqualTo(InetAddress.getByName("::1"));
            assertThat(resolver.resolve("localhost").isLoopbackAddress()).isTrue();
            assertThatIllegalArgumentException().isThrownBy(() -> resolver.resolve("no-such-host.invalid"))
                    .withMessageContaining("does not resolve");
        }
    }

    @Test
    void aClosedResolverRefusesAtOnceAndLeavesNoThread() {
        HostResolver resolver = new HostResolver("closed", 10_000);
        resolver.resolve("127.0.0.1");
        resolver.close();
        assertThatIllegalArgumentException().isThrownBy(() -> resolver.resolve("localhost"))
                .withMessageContaining("not resolved");
    }
}
