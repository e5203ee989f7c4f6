package org.evi4j.mi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy self = new OriginPolicy();

    @Test
    void programsWithoutAnOriginPass() {
        assertThat(self.allows(null, "http", "127.0.0.1:8888")).isTrue();
    }

    @Test
    void thePageOfTheServerItselfPasses() {
        assertThat(self.allows("http://127.0.0.1:8888", "http", "127.0.0.1:8888")).isTrue();
        assertThat(self.allows("http://localhost:8888", "http", "localhost:8888")).isTrue();
        assertThat(self.allows("http://[::1]:8888", "http", "[::1]:8888")).isTrue();
    }

    @Test
    void otherPagesAreRefused() {
        assertThat(self.allows("http://evil.example", "http", "127.0.0.1:8888")).isFalse();
        assertThat(self.allows("null", "http", "127.0.0.1:8888")).isFalse();
        assertThat(self.allows("http://127.0.0.1:9999", "http", "127.0.0.1:8888")).isFalse();
        assertThat(self.allows("https://127.0.0.1:8888", "http", "127.0.0.1:8888")).isFalse();
        assertThat(self.allows("http://127.0.0.1:8888", "http", null)).isFalse();
    }

    @Test
    void aNameRebindToLoopbackIsRefused() {
        // DNS rebinding: the page's origin and Host agree, but the name is the attacker's
        assertThat(self.allows("http://evil.example:8888", "http", "evil.example:8888")).isFalse();
    }

    @Test
    void listedOriginsPass() {
        OriginPolicy listed = new OriginPolicy("https://ops.example.org/, http://a.example:1");
        assertThat(listed.allows("https://OPS.example.org", "http", "127.0.0.1:8888")).isTrue();
        assertThat(listed.allows("http://a.example:1", "http", "127.0.0.1:8888")).isTrue();
        assertThat(listed.allows("http://b.example", "http", "127.0.0.1:8888")).isFalse();
    }
}
