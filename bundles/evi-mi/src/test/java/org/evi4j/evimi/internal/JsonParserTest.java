package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.evi4j.mi.MiValue;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonParserTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void parsesScalars() {
        assertThat(JsonParser.parse("true")).isEqualTo(MiValue.TRUE);
        assertThat(JsonParser.parse(" false ")).isEqualTo(MiValue.FALSE);
        assertThat(JsonParser.parse("\r\n\tnull")).isEqualTo(MiValue.NULL);
        assertThat(JsonParser.parse("0")).isEqualTo(MiValue.of(0));
        assertThat(JsonParser.parse("-0").asLong()).isZero();
        assertThat(JsonParser.parse("-9223372036854775808")).isEqualTo(MiValue.of(Long.MIN_VALUE));
        assertThat(JsonParser.parse("9223372036854775808").asDouble()).isEqualTo(9.223372036854775808e18);
        assertThat(JsonParser.parse("1.5e3")).isEqualTo(MiValue.of(1500.0));
        assertThat(JsonParser.parse("-2.25E-2")).isEqualTo(MiValue.of(-0.0225));
        assertThat(JsonParser.parse("\"\"")).isEqualTo(MiValue.of(""));
    }

    @Test
    void decodesEveryEscape() {
        assertThat(JsonParser.parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0000j\\u00E9k\\u2603\"").asString())
                .isEqualTo("a\"b\\c/d\be\ff\ng\rh\ti\u0000j\u00e9k\u2603");
        assertThat(JsonParser.parse("\"\\ud83d\\udcde raw \ud83d\udcde\"").asString())
                .isEqualTo("\ud83d\udcde raw \ud83d\udcde");
    }

    @Test
    void keepsMemberOrderAndDuplicateKeys() {
        MiValue value = JsonParser.parse("{ \"b\" : 1 , \"a\" : [ ] , \"b\" : { } }");

        assertThat(value.members()).extracting(Map.Entry::getKey).containsExactly("b", "a", "b");
        assertThat(value.toJson()).isEqualTo("{\"b\":1,\"a\":[],\"b\":{}}");
    }

    @Test
    void rejectsWhatIsNotExactlyOneJsonValue() {
        for (String bad : List.of("", " ", "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "[1,]", "[,1]",
                "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "{\"a\":}", "[1 2]", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
                "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"\\udcde\"", "\"raw\u0001\"",
                "\"tab\there\"", "tru", "nul", "falsey", "\"unterminated", "\"esc\\", "[", "{", "{\"a\"",
                "1 2", "{} x", "[]]", "NaN", "Infinity", "'a'")) {
            assertThatThrownBy(() -> JsonParser.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("bad JSON at offset ");
        }
    }

    @Test
    void boundsTheNesting() {
        String deepest = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertThat(JsonParser.parse(deepest).toJson()).isEqualTo(deepest);

        String deeper = "{\"a\":".repeat(JsonParser.MAX_DEPTH + 1) + "1" + "}".repeat(JsonParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonParser.parse(deeper)).isInstanceOf(IllegalArgumentException.class);
        // far beyond any stack: refused by the bound, not by a StackOverflowError
        assertThatThrownBy(() -> JsonParser.parse("[".repeat(65_000))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithJacksonOnEveryVectorRequest() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("mi-jsonrpc.json", "mi-legacy.json")) {
            Vectors.load(file).get("cases").forEach(c -> texts.add(c.get("request").asText()));
            Vectors.load(file).get("cases").forEach(c -> texts.add(c.path("reply").asText("null")));
        }
        int parsed = 0;
        for (String text : texts) {
            JsonNode expected;
            try {
                expected = JACKSON.readTree(text);
            } catch (Exception e) {
                expected = null;
            }
            if (expected == null || expected.isMissingNode()) {
                assertThatThrownBy(() -> JsonParser.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThat(JsonParser.parse(text)).as(text).isEqualTo(fromJackson(expected));
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(50);
    }

    @Test
    void readsBackWhatMiValueWrites() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            MiValue value = randomValue(random, 0);
            assertThat(JsonParser.parse(value.toJson())).as(value.toJson()).isEqualTo(value);
        }
    }

    private static MiValue randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0:
                return MiValue.NULL;
            case 1:
                return MiValue.of(random.nextBoolean());
            case 2:
                return MiValue.of(random.nextLong() >> random.nextInt(64));
            case 3:
                return MiValue.of(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4:
                return MiValue.of(randomString(random));
            case 5:
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

    private static MiValue fromJackson(JsonNode node) {
        switch (node.getNodeType()) {
            case NULL:
                return MiValue.NULL;
            case BOOLEAN:
                return MiValue.of(node.booleanValue());
            case STRING:
                return MiValue.of(node.textValue());
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong() ? MiValue.of(node.longValue())
                        : MiValue.of(node.doubleValue());
            case ARRAY:
                MiValue.ArrayBuilder array = MiValue.arrayBuilder();
                node.forEach(e -> array.add(fromJackson(e)));
                return array.build();
            default:
                MiValue.ObjectBuilder object = MiValue.object();
                node.fields().forEachRemaining(e -> object.put(e.getKey(), fromJackson(e.getValue())));
                return object.build();
        }
    }
}
