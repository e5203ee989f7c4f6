package org.evi4j.encoder.legacy.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.spi.EventEncoder;
import org.evi4j.testkit.EncoderContract;
import org.junit.jupiter.api.Test;

class LegacyEventEncoderTest extends EncoderContract {

    private final LegacyEventEncoder encoder = new LegacyEventEncoder();

    @Override
    protected EventEncoder encoder() {
        return encoder;
    }

    @Override
    protected String vectorFile() {
        return "events-legacy.json";
    }

    @Override
    protected String expectedVeryLargeEvent(int repeat, int params) {
        StringBuilder expected = new StringBuilder("E_BIG\n");
        String quoted = "\"" + "v\\\"\\\n\u0001é📞".repeat(repeat) + "\"";
        for (int i = 0; i < params; i++) {
            expected.append('p').append(i).append("::").append(quoted).append('\n');
        }
        return expected.append('\n').toString();
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
