package org.evi4j.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.spi.EventEncoder;
import org.evi4j.testkit.Vectors.EventCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link EventEncoder} must do, checked against its vector file: byte-exact output, nothing left over
 * from one event in the next, a new array per call, identical bytes from concurrent threads, and a multi-megabyte
 * event encoded whole without spoiling the small ones after it. An encoder's test extends this and adds its own
 * format's cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EncoderContract {

    /** The text repeated in each value of the very large event: quotes, escapes, control and non-BMP chars. */
    protected static final String BIG_VALUE = "v\"\\\n\u0001é📞";
    private static final int BIG_REPEAT = 1000;
    private static final int BIG_PARAMS = 300;

    /** The encoder under test (the same instance for every check, as a component's would be). */
    protected abstract EventEncoder encoder();

    /** The vector file of the encoder's format, e.g. {@code events-jsonrpc.json}. */
    protected abstract String vectorFile();

    /**
     * What the encoder must give, written out by hand, for an event {@code E_BIG} with the parameters {@code p0},
     * {@code p1}, ... {@code p<params-1>}, in that order, each of value {@link #BIG_VALUE} repeated {@code repeat}
     * times.
     */
    protected abstract String expectedVeryLargeEvent(int repeat, int params);

    /** Compares as text first, for a readable failure, then byte for byte. */
    protected static void assertEncodes(byte[] actual, byte[] expected) {
        assertThat(new String(actual, UTF_8)).isEqualTo(new String(expected, UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    protected static void assertEncodes(byte[] actual, String expected) {
        assertEncodes(actual, expected.getBytes(UTF_8));
    }

    protected final List<EventCase> vectors() {
        return Vectors.eventCases(vectorFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesVectorExactly(EventCase c) {
        assertEncodes(encoder().encode(c.event()), c.expected());
    }

    @Test
    void reusedStateLeavesNothingBetweenEvents() {
        List<EventCase> cases = vectors();
        for (int round = 0; round < 3; round++) {
            for (EventCase c : cases) {
                assertEncodes(encoder().encode(c.event()), c.expected());
            }
        }
    }

    @Test
    void eachCallReturnsANewArray() {
        Event e = Event.builder("E_X").param("a", 1).build();
        byte[] first = encoder().encode(e);
        byte[] original = first.clone();
        first[0] = 'X';
        assertEncodes(encoder().encode(e), original);
    }

    @Test
    void concurrentEncodingGivesIdenticalBytes() throws Exception {
        List<EventCase> cases = vectors();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> encodeAll(cases, 500)));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(500 * cases.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int encodeAll(List<EventCase> cases, int rounds) {
        int checked = 0;
        for (int round = 0; round < rounds; round++) {
            for (EventCase c : cases) {
                assertEncodes(encoder().encode(c.event()), c.expected());
                checked++;
            }
        }
        return checked;
    }

    @Test
    void veryLargeEventEncodesFullyAndLaterSmallOnesStayExact() {
        Event.Builder big = Event.builder("E_BIG");
        String value = BIG_VALUE.repeat(BIG_REPEAT);
        for (int i = 0; i < BIG_PARAMS; i++) {
            big.param("p" + i, value);
        }
        byte[] bytes = encoder().encode(big.build());
        assertThat(bytes.length).isGreaterThan(BIG_PARAMS * value.getBytes(UTF_8).length);
        assertEncodes(bytes, expectedVeryLargeEvent(BIG_REPEAT, BIG_PARAMS));

        EventCase first = vectors().get(0);
        assertEncodes(encoder().encode(first.event()), first.expected());
    }
}
