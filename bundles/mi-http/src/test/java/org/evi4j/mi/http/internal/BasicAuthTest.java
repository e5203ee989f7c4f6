package org.evi4j.mi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicAuthTest {

    private final BasicAuth auth = new BasicAuth("ops",
            PasswordHash.parse(PasswordHash.create("pw".toCharArray(), 1000)), "");

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRightUserAndPasswordPass() {
        assertThat(auth.accepts(basic("ops:pw"))).isTrue();
        assertThat(auth.accepts(basic("ops:pw"))).as("again, remembered").isTrue();
        assertThat(auth.accepts("basic " + basic("ops:pw").substring(6))).isTrue();
    }

    @Test
    void anythingElseFails() {
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("")).isFalse();
        assertThat(auth.accepts("Bearer x")).isFalse();
        assertThat(auth.accepts("Basic !!!")).isFalse();
        assertThat(auth.accepts(basic("ops"))).isFalse();
        assertThat(auth.accepts(basic("ops:PW"))).isFalse();
        assertThat(auth.accepts(basic("root:pw"))).isFalse();
        assertThat(auth.accepts(basic("ops:pw:"))).isFalse();
    }

    @Test
    void anUnknownJaasRealmRefusesEveryone() {
        BasicAuth jaas = new BasicAuth("", null, "no-such-realm");
        assertThat(jaas.accepts(basic("ops:pw"))).isFalse();
    }
}
