package org.evi4j.encoder.legacy.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.testkit.Vectors;
import org.evi4j.testkit.Vectors.EventCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LegacyEventEncoderTest {

    private final LegacyEventEncoder encoder = new LegacyEventEncoder();

    static List<EventCase> vectors() {
        return Vectors.eventCases("events-legacy.json");
    }

    private static void assertEncodes(byte[] actual, byte[] expected) {
        assertThat(new String(actual, UTF_8)).isEqualTo(new String(expected, UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    private static void assertEncodes(byte[] actual, String expected) {
        assertEncodes(actual, expected.getBytes(UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesVectorExactly(EventCase c) {
        assertEncodes(encoder.encode(c.event()), c.expected());
    }

    @Test
    void reusedBufferLeavesNothingBehind() {
        List<EventCase> cases = vectors();
        for (int round = 0; round < 3; round++) {
            for (EventCase c : cases) {
                assertEncodes(encoder.encode(c.event()), c.expected());
            }
        }
    }

    @Test
    void eachCallReturnsANewArray() {
        Event e = Event.builder("E_X").param("a", 1).build();
        byte[] first = encoder.encode(e);
        first[0] = 'X';
        assertEncodes(encoder.encode(e), "E_X\na::1\n\n");
    }

    @Test
    void concurrentEncodingGivesIdenticalBytes() throws Exception {
        List<EventCase> cases = vectors();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < 500; round++) {
                        for (EventCase c : cases) {
                            assertEncodes(encoder.encode(c.event()), c.expected());
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(500 * cases.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void veryLargeEventEncodesFullyAndLaterSmallOnesStayExact() {
        Event.Builder big = Event.builder("E_BIG");
        StringBuilder expected = new StringBuilder("E_BIG\n");
        String value = "v\"\\\n\u0001é📞".repeat(1000);
        String quoted = "\"" + "v\\\"\\\n\u0001é📞".repeat(1000) + "\"";
        for (int i = 0; i < 300; i++) {
            big.param("p" + i, value);
            expected.append('p').append(i).append("::").append(quoted).append('\n');
        }
        byte[] bytes = encoder.encode(big.build());
        assertThat(bytes.length).isGreaterThan(3_000_000);
        assertEncodes(bytes, expected.append('\n').toString());

        EventCase pike = vectors().get(0);
        assertEncodes(encoder.encode(pike.event()), pike.expected());
    }

    @Test
    void nonBmpNamesAndValuesGoOutAsUtf8() {
        Event e = Event.builder("E_EMOJI").param("📞", "😀x").param(null, "a\n𝄞\"").build();
        assertEncodes(encoder.encode(e), "E_EMOJI\n📞::😀x\n\"a\n𝄞\\\"\"\n\n");
    }

    @Test
    void valuesWithoutLineFeedAreTheirUtf8BytesVerbatim() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            String value = randomText(random, 1 + random.nextInt(40));
            byte[] actual = encoder.encode(Event.of("E_R", EventParam.of(null, value)));
            byte[] valueBytes = value.getBytes(UTF_8);
            byte[] expected = new byte[valueBytes.length + 6];
            System.arraycopy("E_R\n".getBytes(UTF_8), 0, expected, 0, 4);
            System.arraycopy(valueBytes, 0, expected, 4, valueBytes.length);
            expected[expected.length - 2] = '\n';
            expected[expected.length - 1] = '\n';
            assertThat(actual).as("value %s", value).isEqualTo(expected);
        }
    }

    /** Any chars but LF: ASCII, Latin-1, BMP, surrogate pairs and unpaired surrogates. */
    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            switch (random.nextInt(5)) {
                case 0 -> s.append((char) (1 + random.nextInt(0x7F)));
                case 1 -> s.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> s.append((char) (0x800 + random.nextInt(0xD000)));
                case 3 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> s.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return s.toString().replace('\n', 'n');
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarks() {
        Event e = Event.of("E_BAD", EventParam.of("s", "a\uD83Db\uDCDE"), EventParam.of("t", "\uD83D"));
        assertEncodes(encoder.encode(e), "E_BAD\ns::a?b?\nt::?\n\n");
    }

    @Test
    void emptyNameIsLikeNoName() {
        Event e = Event.of("E_N", EventParam.of("", "v"), EventParam.of("", 3), EventParam.ofNull(null));
        assertEncodes(encoder.encode(e), "E_N\nv\n3\n\n\n");
    }

    @Test
    void crAloneDoesNotQuoteButLineFeedDoes() {
        Event e = Event.of("E_Q", EventParam.of("a", "x\r\"y\""), EventParam.of("b", "\""), EventParam.of("c", "\n"));
        assertEncodes(encoder.encode(e), "E_Q\na::x\r\"y\"\nb::\"\nc::\"\n\"\n\n");
    }
}
