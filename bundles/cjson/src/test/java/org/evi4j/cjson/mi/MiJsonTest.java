package org.evi4j.cjson.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

class MiJsonTest {

    private final MiJson json = new MiJson();

    @Test
    void parsesScalars() throws IOException {
        assertThat(json.parse("true")).isEqualTo(MiValue.TRUE);
        assertThat(json.parse(" false ")).isEqualTo(MiValue.FALSE);
        assertThat(json.parse("\r\n\tnull")).isEqualTo(MiValue.NULL);
        assertThat(json.parse("0")).isEqualTo(MiValue.of(0));
        assertThat(json.parse("-0").asLong()).isZero();
        assertThat(json.parse("-9223372036854775808")).isEqualTo(MiValue.of(Long.MIN_VALUE));
        assertThat(json.parse("9223372036854775808").asDouble()).isEqualTo(9.223372036854775808e18);
        assertThat(json.parse("1.5e3")).isEqualTo(MiValue.of(1500.0));
        assertThat(json.parse("-2.25E-2")).isEqualTo(MiValue.of(-0.0225));
        assertThat(json.parse("\"\"")).isEqualTo(MiValue.of(""));
    }

    @Test
    void decodesEveryEscape() throws IOException {
        assertThat(json.parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0000j\\u00E9k\\u2603\"").asString())
                .isEqualTo("a\"b\\c/d\be\ff\ng\rh\ti\u0000j\u00e9k\u2603");
        assertThat(json.parse("\"\\ud83d\\udcde raw \ud83d\udcde\"").asString())
                .isEqualTo("\ud83d\udcde raw \ud83d\udcde");
    }

    @Test
    void keepsMemberOrderAndDuplicateKeys() throws IOException {
        MiValue value = json.parse("{ \"b\" : 1 , \"a\" : [ ] , \"b\" : { } }");

        assertThat(value.members()).extracting(Map.Entry::getKey).containsExactly("b", "a", "b");
        assertThat(json.text(value)).isEqualTo("{\"b\":1,\"a\":[],\"b\":{}}");
    }

    @Test
    void refusesWhatIsNotExactlyOneJsonValue() {
        for (String bad : List.of("", " ", "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "[1,]", "[,1]",
                "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "{\"a\":}", "[1 2]", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
                "\"raw\u0001\"", "\"tab\there\"", "tru", "nul", "falsey", "\"unterminated", "\"esc\\", "[", "{",
                "{\"a\"", "1 2", "{} x", "[]]", "NaN", "Infinity", "'a'")) {
            assertThatThrownBy(() -> json.parse(bad)).as(bad).isInstanceOf(IOException.class);
        }
    }

    @Test
    void boundsTheNestingAsTheMiDoes() throws IOException {
        String deepest = "[".repeat(1000) + "]".repeat(1000);
        assertThat(json.text(json.parse(deepest))).isEqualTo(deepest);
        // far beyond any stack: refused by Jackson's bound, not by a StackOverflowError
        assertThatThrownBy(() -> json.parse("[".repeat(65_000))).isInstanceOf(IOException.class)
                .hasMessageContaining("exceeds the maximum");
    }

    @Test
    void writesStringsAsCJsonDoes() {
        assertThat(json.text(MiValue.of("a\"b\\c/d\be\ff\ng\rh\ti\u0000j\u0001\u001f\u007f\u00e9\ud83d\udcde")))
                .isEqualTo("\"a\\\"b\\\\c/d\\be\\ff\\ng\\rh\\ti\\u0000j\\u0001\\u001f\u007f\u00e9\ud83d\udcde\"");
    }

    @Test
    void writesNumbersAsCJsonsPrintNumber() {
        assertThat(json.text(MiValue.array(List.of(MiValue.of(-7), MiValue.of(1500.0), MiValue.of(1.5),
                MiValue.of(-0.0225), MiValue.of(1e-7), MiValue.of(1e300), MiValue.of(Double.NaN),
                MiValue.of(Double.POSITIVE_INFINITY))))).isEqualTo(
                        "[-7,1500,1.500000,-0.022500,1.000000e-07,1.000000e+300,null,null]");
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            MiValue value = randomValue(random, 0);
            String text = json.text(value);
            assertThat(json.parse(text)).as(text).isEqualTo(value);
        }
    }

    /** Values without fractions: cJSON's six decimals would not read back equal. */
    private static MiValue randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 4 : 6)) {
            case 0:
                return MiValue.NULL;
            case 1:
                return MiValue.of(random.nextBoolean());
            case 2:
                return MiValue.of(random.nextLong() >> random.nextInt(64));
            case 3:
                return MiValue.of(randomString(random));
            case 4:
                MiValue.ArrayBuilder array = MiValue.arrayBuilder();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array.build();
            default:
                MiValue.ObjectBuilder object = MiValue.object();
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.put(randomString(random), randomValue(random, depth + 1));
                }
                return object.build();
        }
    }

    private static String randomString(Random random) {
        String alphabet = "ab \"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u00e9\u2603";
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            if (random.nextInt(10) == 0) {
                out.append("\ud83d\udcde");
            } else {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }
}
