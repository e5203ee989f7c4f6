package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

/** The parameter getters convert as OpenSIPS's {@code get_mi_string_param} / {@code get_mi_int_param}. */
class ParamsTest {

    private static Params params(MiValue value) {
        return new Params(List.of("p"), new MiValue[] {value});
    }

    private static void badType(ThrowingGetter getter) {
        assertThatThrownBy(getter::get).isInstanceOfSatisfying(MiException.class, e -> {
            assertThat(e.code()).isEqualTo(-32602);
            assertThat(e.data()).isEqualTo("Bad type for parameter 'p'");
            assertThat(e.legacyCode()).isEqualTo(400);
            assertThat(e.legacyReason()).isEqualTo("Bad parameter");
        });
    }

    private interface ThrowingGetter {
        Object get() throws MiException;
    }

    @Test
    void strings() throws MiException {
        assertThat(params(MiValue.of("abc")).string("p")).isEqualTo("abc");
        assertThat(params(MiValue.of(42)).string("p")).isEqualTo("42");
        assertThat(params(MiValue.of(-1.9)).string("p")).isEqualTo("-1");
        badType(() -> params(MiValue.of("")).string("p"));
        badType(() -> params(MiValue.TRUE).string("p"));
        badType(() -> params(MiValue.NULL).string("p"));
        badType(() -> params(MiValue.strings(List.of("a"))).string("p"));
        assertThatThrownBy(() -> params(MiValue.of("x")).string("other"))
                .hasFieldOrPropertyWithValue("data", "Bad type for parameter 'other'");
    }

    @Test
    void integers() throws MiException {
        assertThat(params(MiValue.of(77)).integer("p")).isEqualTo(77);
        assertThat(params(MiValue.of("77")).integer("p")).isEqualTo(77);
        assertThat(params(MiValue.of("-5")).integer("p")).isEqualTo(-5);
        assertThat(params(MiValue.of("+5")).integer("p")).isEqualTo(5);
        assertThat(params(MiValue.of(1.9)).integer("p")).isEqualTo(1);
        assertThat(params(MiValue.of(99_999_999_999L)).integer("p")).isEqualTo(Integer.MAX_VALUE);
        assertThat(params(MiValue.of(-99_999_999_999.5)).integer("p")).isEqualTo(Integer.MIN_VALUE);
        for (String bad : new String[] {"abc", "", "-", "1.5", " 1", "5x", "99999999999", "2147483648"}) {
            badType(() -> params(MiValue.of(bad)).integer("p"));
        }
        assertThat(params(MiValue.of("2147483647")).integer("p")).isEqualTo(Integer.MAX_VALUE);
        assertThat(params(MiValue.of("-2147483648")).integer("p")).isEqualTo(Integer.MIN_VALUE);
        badType(() -> params(MiValue.FALSE).integer("p"));
        badType(() -> params(MiValue.NULL).integer("p"));
    }

    @Test
    void presenceAndRawValues() {
        Params p = new Params(List.of("a", "b"), new MiValue[] {MiValue.of("x"), MiValue.NULL});
        assertThat(p.recipe()).containsExactly("a", "b");
        assertThat(p.has("a")).isTrue();
        assertThat(p.has("b")).isTrue();
        assertThat(p.has("c")).isFalse();
        assertThat(p.value("b")).isEqualTo(MiValue.NULL);
        assertThat(p.value("c")).isNull();
    }
}
