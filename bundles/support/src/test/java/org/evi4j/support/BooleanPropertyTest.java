package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanPropertyTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "Yes", " on ", "on"})
    void trueForms(String text) {
        assertThat(BooleanProperty.parse("reliable_mode", text, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "0", "no", "NO", "off", " 0"})
    void falseForms(String text) {
        assertThat(BooleanProperty.parse("reliable_mode", text, true)).isFalse();
    }

    @Test
    void blankOrMissingGivesTheFallback() {
        assertThat(BooleanProperty.parse("x", null, true)).isTrue();
        assertThat(BooleanProperty.parse("x", "  ", false)).isFalse();
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> BooleanProperty.parse("reliable_mode", "2", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reliable_mode = '2' is not a boolean: use true/false, 1/0 or yes/no");
    }
}
