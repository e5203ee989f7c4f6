package org.evi4j.mi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MiServletTest {

    @Test
    void mediaTypesAreComparedWithoutParametersOrCase() {
        assertThat(MiServlet.mediaType("Application/JSON; charset=utf-8")).isEqualTo("application/json");
        assertThat(MiServlet.mediaType(null)).isEmpty();
        assertThat(MiServlet.mediaType(" text/xml ")).isEqualTo("text/xml");
    }

    @Test
    void rootsBecomePaths() {
        assertThat(MiHttpEndpoint.path("mi")).isEqualTo("/mi");
        assertThat(MiHttpEndpoint.path("/api/mi/")).isEqualTo("/api/mi");
        assertThatThrownBy(() -> MiHttpEndpoint.path("")).hasMessageContaining("root");
        assertThatThrownBy(() -> MiHttpEndpoint.path("m*")).hasMessageContaining("root");
        assertThatThrownBy(() -> MiHttpEndpoint.path("a//b")).hasMessageContaining("root");
    }

    @Test
    void stateChangingMethods() {
        assertThat(HttpGuard.changesState("POST")).isTrue();
        assertThat(HttpGuard.changesState("PUT")).isTrue();
        assertThat(HttpGuard.changesState("GET")).isFalse();
        assertThat(HttpGuard.changesState("HEAD")).isFalse();
    }
}
