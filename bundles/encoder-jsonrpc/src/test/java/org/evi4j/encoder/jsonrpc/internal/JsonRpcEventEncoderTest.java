package org.evi4j.encoder.jsonrpc.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.cjson.CJson;
import org.evi4j.testkit.Vectors;
import org.evi4j.testkit.Vectors.EventCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

class JsonRpcEventEncoderTest {

    private final JsonRpcEventEncoder encoder = new JsonRpcEventEncoder();

    static List<EventCase> vectors() {
        return Vectors.eventCases("events-jsonrpc.json");
    }

    private static void assertEncodes(byte[] actual, byte[] expected) {
        assertThat(new String(actual, UTF_8)).isEqualTo(new String(expected, UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesVectorExactly(EventCase c) {
        assertEncodes(encoder.encode(c.event()), c.expected());
    }

    @Test
    void reusedWriterAddsNothingBetweenEvents() {
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
        assertThat(encoder.encode(e)).asString(UTF_8).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_X\",\"params\":{\"a\":1}}");
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
        StringBuilder expected = new StringBuilder("{\"jsonrpc\":\"2.0\",\"method\":\"E_BIG\",\"params\":{");
        String value = "v\"\\\n\u0001é📞".repeat(1000);
        String escaped = "v\\\"\\\\\\n\\u0001é📞".repeat(1000);
        for (int i = 0; i < 300; i++) {
            big.param("p" + i, value);
            expected.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"").append(escaped).append('"');
        }
        byte[] bytes = encoder.encode(big.build());
        assertThat(bytes.length).isGreaterThan(4_000_000);
        assertEncodes(bytes, expected.append("}}").toString().getBytes(UTF_8));

        EventCase pike = vectors().get(0);
        assertEncodes(encoder.encode(pike.event()), pike.expected());
    }

    @Test
    void nonBmpNamesAndValuesGoOutAsRawUtf8() {
        Event e = Event.builder("E_EMOJI").param("📞", "😀x").param(null, "𝄞").build();
        assertEncodes(encoder.encode(e),
                "{\"jsonrpc\":\"2.0\",\"method\":\"E_EMOJI\",\"params\":{\"📞\":\"😀x\",\"\":\"𝄞\"}}".getBytes(UTF_8));
    }

    @Test
    void unpairedSurrogateIsEscapedNotFatal() {
        Event e = Event.of("E_BAD", EventParam.of("s", "a\uD83Db"));
        assertEncodes(encoder.encode(e),
                "{\"jsonrpc\":\"2.0\",\"method\":\"E_BAD\",\"params\":{\"s\":\"a\\uD83Db\"}}".getBytes(UTF_8));
        EventCase pike = vectors().get(0);
        assertEncodes(encoder.encode(pike.event()), pike.expected());
    }

    @Test
    void eventNameIsEscapedLikeAString() {
        Event e = Event.of("E_\"Q\\\u0002");
        assertEncodes(encoder.encode(e), "{\"jsonrpc\":\"2.0\",\"method\":\"E_\\\"Q\\\\\\u0002\"}".getBytes(UTF_8));
    }

    @Test
    void aFailureMidEventDoesNotCorruptTheThreadsNextEvent() {
        AtomicBoolean fail = new AtomicBoolean(true);
        JsonFactory failing = new JsonFactory(CJson.factory(), null) {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonGenerator createGenerator(OutputStream out) throws IOException {
                return super.createGenerator(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (fail.getAndSet(false)) {
                            throw new IOException("injected");
                        }
                        out.write(b, off, len);
                    }
                });
            }
        };
        JsonRpcEventEncoder flaky = new JsonRpcEventEncoder(failing);
        // large enough for the generator to flush in the middle of the params object
        Event big = Event.builder("E_BIG").param("v", "x".repeat(20_000)).param("w", 1).build();

        assertThatThrownBy(() -> flaky.encode(big)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("E_BIG");
        for (EventCase c : vectors()) {
            assertEncodes(flaky.encode(c.event()), c.expected());
        }
    }
}
