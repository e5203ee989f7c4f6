package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.evi4j.api.EventParam;
import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

class RaiseParamsTest {

    private static final MiJson JSON = new MiJson();
    private final RaiseParams raiseParams = new RaiseParams(JSON);

    private List<EventParam> json(String params) throws Exception {
        return raiseParams.of(JSON.parse(params));
    }

    private static EventParam str(String name, String value) {
        return EventParam.of(name, value);
    }

    @Test
    void absentOrEmptyMeansNoParams() throws Exception {
        assertThat(raiseParams.of(null)).isEmpty();
        assertThat(json("[]")).isEmpty();
        assertThat(json("{}")).isEmpty();
        assertThat(json("\"{}\"")).isEmpty();
    }

    @Test
    void arrayElementsBecomeUnnamedStringsAndNumbersTheirDecimalText() throws Exception {
        assertThat(json("[\"a\",1,\"b c\",-7,99999999999,0]")).containsExactly(str(null, "a"), str(null, "1"),
                str(null, "b c"), str(null, "-7"), str(null, "99999999999"), str(null, "0"));
    }

    @Test
    void nonScalarArrayElementsBecomeTheirCompactJsonText() throws Exception {
        assertThat(json("[1.5, null, true, {\"x\": 1}, [1, \"y\"]]")).containsExactly(str(null, "1.500000"),
                EventParam.ofNull(null), str(null, "true"), str(null, "{\"x\":1}"), str(null, "[1,\"y\"]"));
    }

    @Test
    void nestedFractionsAreWrittenAsTheMiWritesJson() throws Exception {
        assertThat(json("{\"o\":{\"x\":1.5,\"e\":1e-7,\"n\":2.0}}"))
                .containsExactly(str("o", "{\"x\":1.500000,\"e\":1.000000e-07,\"n\":2}"));
    }

    @Test
    void aNativeObjectGivesNamedParams() throws Exception {
        assertThat(json("{\"k\":\"v\",\"t\":true,\"o\":{\"x\":1},\"n\":5,\"z\":null,\"a\":[1,\"x\"],\"k\":\"again\"}"))
                .containsExactly(str("k", "v"), str("t", "true"), str("o", "{\"x\":1}"), EventParam.of("n", 5),
                        EventParam.ofNull("z"), str("a", "[1,\"x\"]"), str("k", "again"));
    }

    @Test
    void aStringHoldingAnObjectGivesNamedParams() throws Exception {
        assertThat(raiseParams.of(MiValue.of("{\"a\":\"x\",\"n\":5}")))
                .containsExactly(str("a", "x"), EventParam.of("n", 5));
        assertThat(raiseParams.of(MiValue.of(" {\"s\":\"a\\nb\\u00e9\\ud83d\\udcde\\\"\", \"f\":false} ")))
                .containsExactly(str("s", "a\nb\u00e9\ud83d\udcde\""), str("f", "false"));
    }

    @Test
    void numbersOfObjectsAreTruncatedAndSaturatedInts() throws Exception {
        assertThat(raiseParams.of(MiValue.of("{\"f\":1.5,\"g\":-1.9,\"big\":99999999999,\"neg\":-99999999999,"
                + "\"huge\":1e300,\"bigger\":123456789012345678901234567890,\"exp\":2e3}"))).containsExactly(
                        EventParam.of("f", 1), EventParam.of("g", -1), EventParam.of("big", Integer.MAX_VALUE),
                        EventParam.of("neg", Integer.MIN_VALUE), EventParam.of("huge", Integer.MAX_VALUE),
                        EventParam.of("bigger", Integer.MAX_VALUE), EventParam.of("exp", 2000));
    }

    @Test
    void aStringThatIsNoJsonObjectIsBadParams() {
        for (String text : List.of("notjson", "[1,2]", "5", "\"s\"", "", "   ", "{\"a\":1} x", "{\"a\":1",
                "{'a':1}", "{\"a\":01}")) {
            MiException e = catchThrowableOfType(MiException.class, () -> raiseParams.of(MiValue.of(text)));
            assertThat(e).as(text).isNotNull();
            assertThat(e.code()).as(text).isEqualTo(400);
            assertThat(e.getMessage()).as(text).isEqualTo("Bad Params");
        }
    }

    @Test
    void aNumberIsBadParamsAndBooleansOrNullAreNoParams() {
        MiException number = catchThrowableOfType(MiException.class, () -> raiseParams.of(MiValue.of(5)));
        assertThat(number.getMessage()).isEqualTo("Bad Params");
        for (MiValue value : List.of(MiValue.TRUE, MiValue.FALSE, MiValue.NULL)) {
            MiException e = catchThrowableOfType(MiException.class, () -> raiseParams.of(value));
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("No Params");
        }
    }
}
