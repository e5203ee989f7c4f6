package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.api.EventParam;
import org.junit.jupiter.api.Test;

class RaiseParamsTest {

    @Test
    void namedAndUnnamedParamsKeepTheirOrder() {
        assertThat(RaiseParams.parse(List.of("ip=192.168.2.11", "5", "x", "=a=b", "empty="), false)).containsExactly(
                EventParam.of("ip", "192.168.2.11"), EventParam.of(null, 5), EventParam.of(null, "x"),
                EventParam.of(null, "a=b"), EventParam.of("empty", ""));
    }

    @Test
    void only32BitDecimalIntegersBecomeInts() {
        assertThat(RaiseParams.parse(List.of("a=-7", "b=2147483647", "c=2147483648", "d=-2147483648", "e=1.5",
                "f=-", "g=0x10", "h=99999999999"), false)).containsExactly(EventParam.of("a", -7),
                        EventParam.of("b", Integer.MAX_VALUE), EventParam.of("c", "2147483648"),
                        EventParam.of("d", Integer.MIN_VALUE), EventParam.of("e", "1.5"), EventParam.of("f", "-"),
                        EventParam.of("g", "0x10"), EventParam.of("h", "99999999999"));
    }

    @Test
    void stringsKeepsNumbersAsText() {
        assertThat(RaiseParams.parse(List.of("n=42", "7"), true)).containsExactly(EventParam.of("n", "42"),
                EventParam.of(null, "7"));
    }

    @Test
    void noParams() {
        assertThat(RaiseParams.parse(null, false)).isEmpty();
    }
}
